# Rule: when an activation condition is met.
# Derives: ?s pg:conditionMetOn ?date, the earliest date of a recorded occurrence of the awaited event of the awaited
# kind (pg:awaitsEventType, pg:EntryIntoForce when the condition does not say). Why: a commitment waiting for a
# ceasefire becomes active from the day the ceasefire enters into force (rule 32); status as of a date compares with it.
# Reads: conditions from the sources, occurrences from the event graphs written by 'event add' (or an update).
# Any-of conditions are rule 31's.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s pg:conditionMetOn ?date } }
WHERE {
  ?s pg:awaitsEvent ?event .
  FILTER NOT EXISTS { ?s pg:anyOf ?any }
  OPTIONAL { ?s pg:awaitsEventType ?stated }
  BIND (COALESCE(?stated, pg:EntryIntoForce) AS ?kind)
  ?occurrence pg:occurrenceOf ?event ; a ?kind ; pg:occurredOn ?date .
  FILTER (datatype(?date) = xsd:date)
  FILTER NOT EXISTS {
    ?earlier pg:occurrenceOf ?event ; a ?kind ; pg:occurredOn ?d0 .
    FILTER (datatype(?d0) = xsd:date && ?d0 < ?date)
  }
  FILTER NOT EXISTS { ?s pg:conditionMetOn ?date }
}
