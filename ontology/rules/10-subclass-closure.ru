# Rule: subclass closure of the ontology.
# Derives: ?s rdfs:subClassOf ?super when ?s is a subclass of a subclass of ?super (also from owl:equivalentClass,
# see 12-equivalence). Why: rule 20 then types every instance with all its superclasses in one step.
# Reads: schema only from the ontology graph (and this rule's own earlier output); data cannot change the schema.
# Convention for all rules: the derived triple's subject is ?s, so the engine can rerun a rule for a few subjects.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s rdfs:subClassOf ?super } }
WHERE {
  VALUES ?g1 { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  VALUES ?g2 { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  GRAPH ?g1 { ?s rdfs:subClassOf ?mid }
  GRAPH ?g2 { ?mid rdfs:subClassOf ?super }
  FILTER (?s != ?super && isIRI(?super))
  FILTER NOT EXISTS { ?s rdfs:subClassOf ?super }
}
