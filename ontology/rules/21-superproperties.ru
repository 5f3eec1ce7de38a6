# Rule: rdfs:subPropertyOf on statements.
# Derives: ?s ?super ?o for every superproperty of a property used in ?s ?p ?o. Why: a query on the general
# property (e.g. a participation property) finds statements made with a more specific one.
# Reads: statements from the union; the property hierarchy from the ontology graph and rule 11's closure.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s ?super ?o } }
WHERE {
  VALUES ?sg { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  GRAPH ?sg { ?p rdfs:subPropertyOf ?super }
  FILTER (isIRI(?super) && ?p != ?super)
  ?s ?p ?o .
  FILTER NOT EXISTS { ?s ?super ?o }
}
