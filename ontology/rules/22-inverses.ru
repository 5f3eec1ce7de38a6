# Rule: owl:inverseOf on statements.
# Derives: ?s ?q ?o from ?o ?p ?s when ?p owl:inverseOf ?q. Why: each relation can be asked from either end (who
# committed what, what was committed by whom) although a source states it once.
# Reads: statements from the union; inverse pairs from the ontology graph and rule 13. Literals never become subjects.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s ?q ?o } }
WHERE {
  VALUES ?sg { <https://w3id.org/pledgegraph/graph/ontology> <https://w3id.org/pledgegraph/graph/inferred> }
  GRAPH ?sg { ?p owl:inverseOf ?q }
  ?o ?p ?s .
  FILTER (!isLiteral(?s))
  FILTER NOT EXISTS { ?s ?q ?o }
}
