# Rule: when an any-of condition is met.
# Derives: ?s pg:conditionMetOn ?date for a pg:AnyOfCondition, the earliest date on which one of the plain
# conditions it reaches through pg:anyOf (directly, or through an any-of among its alternatives) was met by rule 30.
# Why: "activated by a ceasefire or a peace agreement, whichever comes first". Reading the plain conditions at the
# leaves, never another any-of's derived date, gives the earliest date in one pass however deep the nesting.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s pg:conditionMetOn ?date } }
WHERE {
  ?s pg:anyOf+ ?leaf .
  FILTER NOT EXISTS { ?leaf pg:anyOf ?deeper }
  ?leaf pg:conditionMetOn ?date .
  FILTER NOT EXISTS {
    ?s pg:anyOf+ ?other .
    FILTER NOT EXISTS { ?other pg:anyOf ?deeperStill }
    ?other pg:conditionMetOn ?d0 .
    FILTER (?d0 < ?date)
  }
  FILTER NOT EXISTS { ?s pg:conditionMetOn ?date }
}
