# Rule: when an any-of condition is met.
# Derives: ?s pg:conditionMetOn ?date for a pg:AnyOfCondition, the earliest date on which one of its alternatives
# (pg:anyOf) was met by rule 30. Why: "activated by a ceasefire or a peace agreement, whichever comes first".
# An alternative may itself be an any-of: this rule then reads its own output, so it runs again until nothing
# changes (a full recomputation repeats every stratum until then; the focused refresh does when it meets nesting).
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s pg:conditionMetOn ?date } }
WHERE {
  ?s pg:anyOf ?alternative .
  ?alternative pg:conditionMetOn ?date .
  FILTER NOT EXISTS {
    ?s pg:anyOf ?other .
    ?other pg:conditionMetOn ?d0 .
    FILTER (?d0 < ?date)
  }
  FILTER NOT EXISTS { ?s pg:conditionMetOn ?date }
}
