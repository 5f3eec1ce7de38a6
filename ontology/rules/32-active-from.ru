# Rule: from when a commitment is active.
# Derives: ?s pg:activeFrom ?date. A commitment with no activation condition is active from the date it was made
# (pg:dateMade; a month-only date counts from its first day). A commitment with conditions is active once every one
# of them is met (rules 30 and 31): from the latest of their dates, and never before the date it was made. While a
# condition is unmet nothing is derived, so the commitment stays pending. Withdrawal, suspension, fulfilment and
# lapse do not change this date: status as of a date (queries/status-as-of.rq) weighs them against it.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s pg:activeFrom ?date } }
WHERE {
  ?s a pg:Commitment .
  FILTER NOT EXISTS { ?s pg:hasActivationCondition ?unmet . FILTER NOT EXISTS { ?unmet pg:conditionMetOn ?any } }
  OPTIONAL {
    ?s pg:dateMade ?made .
    BIND (IF(datatype(?made) = xsd:gYearMonth, STRDT(CONCAT(STR(?made), "-01"), xsd:date),
          IF(datatype(?made) = xsd:gYear, STRDT(CONCAT(STR(?made), "-01-01"), xsd:date), ?made)) AS ?madeOn)
  }
  OPTIONAL {
    ?s pg:hasActivationCondition ?last .
    ?last pg:conditionMetOn ?met .
    FILTER NOT EXISTS { ?s pg:hasActivationCondition ?c2 . ?c2 pg:conditionMetOn ?m2 . FILTER (?m2 > ?met) }
  }
  BIND (IF(BOUND(?met) && (!BOUND(?madeOn) || ?met > ?madeOn), ?met, ?madeOn) AS ?date)
  FILTER (BOUND(?date) && datatype(?date) = xsd:date)
  FILTER NOT EXISTS { ?s pg:activeFrom ?date }
}
