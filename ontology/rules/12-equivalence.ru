# Rule: equivalent classes and properties are mutual subclasses / subproperties.
# Derives: ?s rdfs:subClassOf ?o and ?o rdfs:subClassOf ?s from ?s owl:equivalentClass ?o (both directions), and the
# same for owl:equivalentProperty with rdfs:subPropertyOf. Why: rules 10, 11, 20 and 21 then need no special case.
# Reads: the ontology graph only. Class expressions (blank nodes) are left alone: only named classes.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s ?sub ?o } }
WHERE {
  VALUES (?eq ?sub) { (owl:equivalentClass rdfs:subClassOf) (owl:equivalentProperty rdfs:subPropertyOf) }
  GRAPH <https://w3id.org/pledgegraph/graph/ontology> { { ?s ?eq ?o } UNION { ?o ?eq ?s } }
  FILTER (isIRI(?s) && isIRI(?o) && ?s != ?o)
  FILTER NOT EXISTS { ?s ?sub ?o }
}
