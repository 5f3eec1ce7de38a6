# Rule: owl:TransitiveProperty.
# Derives: ?s ?p ?o from ?s ?p ?m and ?m ?p ?o when ?p is transitive (e.g. a part-of or located-in relation: Paris in
# France in Europe). The engine reruns the rule until nothing new appears, so chains of any length close.
# Reads: statements from the union; which properties are transitive from the ontology graph.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/pledgegraph/graph/ontology> { ?p a owl:TransitiveProperty }
  ?s ?p ?m .
  ?m ?p ?o .
  FILTER NOT EXISTS { ?s ?p ?o }
}
