# Rule: subproperty closure of the ontology.
# Derives: ?s rdfs:subPropertyOf ?super when ?s is a subproperty of a subproperty of ?super.
# Why: rule 21 then gives every statement all its superproperties in one step.
# Reads: schema only from the ontology graph and the inferred graph.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s rdfs:subPropertyOf ?super } }
WHERE {
  VALUES ?g1 { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  VALUES ?g2 { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  GRAPH ?g1 { ?s rdfs:subPropertyOf ?mid }
  GRAPH ?g2 { ?mid rdfs:subPropertyOf ?super }
  FILTER (?s != ?super)
  FILTER NOT EXISTS { ?s rdfs:subPropertyOf ?super }
}
