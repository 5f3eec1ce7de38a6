# Rule: from when a commitment is active.
# Derives: ?s pg:activeFrom ?date. A commitment with no activation condition is active from the date it was made
# (pg:dateMade; a month-only date counts from its first day). When the source gives no date made, the earliest date
# it is known to have been made by stands in: the date of the statement it is stated in (pg:statedIn,
# pg:statementDate), else the publication date of the source it comes from (prov:wasDerivedFrom, pg:publicationDate).
# A commitment with conditions is active once every one of them is met (rules 30 and 31): from the latest of their
# dates, and never before the date it was made. While a condition is unmet nothing is derived, so the commitment
# stays pending. A withdrawal, suspension, fulfilment or lapse of the commitment recorded before that date means it
# never became active: nothing is derived. One recorded later ends it from its own date,
# which status as of a date (queries/status-as-of.rq, queries/active-as-of.rq) weighs; it leaves this date alone.
PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:  <http://www.w3.org/2002/07/owl#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>

INSERT { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s pg:activeFrom ?date } }
WHERE {
  ?s a pg:Commitment .
  FILTER NOT EXISTS { ?s pg:hasActivationCondition ?unmet . FILTER NOT EXISTS { ?unmet pg:conditionMetOn ?any } }
  OPTIONAL { ?s pg:dateMade ?made }
  OPTIONAL { ?s pg:statedIn ?statement . ?statement pg:statementDate ?stated }
  OPTIONAL { ?s prov:wasDerivedFrom ?source . ?source pg:publicationDate ?published }
  OPTIONAL { ?s pg:hasActivationCondition ?last . ?last pg:conditionMetOn ?met }
  # Keep the earliest statement and publication dates and the latest condition met. (These filters stand outside
  # the OPTIONALs on purpose: Jena cannot evaluate a NOT EXISTS inside an OPTIONAL once ?s is bound by the
  # engine's focused refresh.)
  FILTER NOT EXISTS { ?s pg:statedIn ?st2 . ?st2 pg:statementDate ?d2 . FILTER (STR(?d2) < STR(?stated)) }
  FILTER NOT EXISTS { ?s prov:wasDerivedFrom ?src2 . ?src2 pg:publicationDate ?d3 . FILTER (STR(?d3) < STR(?published)) }
  FILTER NOT EXISTS { ?s pg:hasActivationCondition ?c2 . ?c2 pg:conditionMetOn ?m2 . FILTER (?m2 > ?met) }
  BIND (COALESCE(?made, ?stated, ?published) AS ?when)
  BIND (IF(datatype(?when) = xsd:gYearMonth, STRDT(CONCAT(STR(?when), "-01"), xsd:date),
        IF(datatype(?when) = xsd:gYear, STRDT(CONCAT(STR(?when), "-01-01"), xsd:date),
           STRDT(SUBSTR(STR(?when), 1, 10), xsd:date))) AS ?madeOn)
  BIND (IF(BOUND(?met) && (!BOUND(?madeOn) || ?met > ?madeOn), ?met, ?madeOn) AS ?date)
  FILTER (BOUND(?date) && datatype(?date) = xsd:date)
  FILTER NOT EXISTS {
    VALUES ?ending { pg:Withdrawal pg:Suspension pg:Fulfilment pg:Lapse }
    ?end pg:occurrenceOf ?s ; a ?ending ; pg:occurredOn ?ended .
    FILTER (?ended < ?date)
  }
  FILTER NOT EXISTS { ?s pg:activeFrom ?date }
}
