# Rule: rdfs:subClassOf on instances.
# Derives: ?s a ?super for every superclass of a class ?s belongs to. Why: a query for ?x a pg:Actor must find the
# persons, states and organizations, which the sources type only with their most specific class.
# Reads: types from every graph (the union, so types derived by rule 21 chain in); the class hierarchy from the
# ontology graph and the closure of rule 10. Only triples not already stated anywhere are added.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s a ?super } }
WHERE {
  VALUES ?sg { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  ?s a ?class .
  GRAPH ?sg { ?class rdfs:subClassOf ?super }
  FILTER (isIRI(?super) && ?super != owl:Thing && ?super != rdfs:Resource)
  FILTER NOT EXISTS { ?s a ?super }
}
