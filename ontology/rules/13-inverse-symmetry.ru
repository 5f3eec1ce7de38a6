# Rule: owl:inverseOf is symmetric.
# Derives: ?s owl:inverseOf ?p from ?p owl:inverseOf ?s. Why: rule 22 then reads inverses in one direction only.
# Reads: the ontology graph only.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s owl:inverseOf ?p } }
WHERE {
  GRAPH <https://w3id.org/pledgegraph/graph/ontology> { ?p owl:inverseOf ?s }
  FILTER (isIRI(?s) && isIRI(?p))
  FILTER NOT EXISTS { ?s owl:inverseOf ?p }
}
