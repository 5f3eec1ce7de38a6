package org.pledgegraph.validate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.pledgegraph.Vocab;

/**
 * What validation reads: every graph of the dataset but the inferred one, as one read-only graph. The inferred graph
 * is left out because, when a write is validated, it still holds the consequences of the data before the write
 * (derivation runs after validation): a deleted commitment's inferred types must not make it a target.
 */
final class AssertedGraph extends GraphBase {
    private static final Node INFERRED = Vocab.iri(Vocab.GRAPH_INFERRED);
    private final DatasetGraph dsg;

    AssertedGraph(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The asserted triples copied into one in-memory graph when there are fewer than {@code limit}, else the view. */
    static org.apache.jena.graph.Graph copyIfSmall(DatasetGraph dsg, long limit) {
        long n = 0;
        var it = dsg.find();
        try {
            while (it.hasNext() && n < limit) {
                it.next();
                n++;
            }
        } finally {
            Iter.close(it);
        }
        if (n >= limit) {
            return new AssertedGraph(dsg);
        }
        org.apache.jena.graph.Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> {
            if (!INFERRED.equals(q.getGraph())) {
                copy.add(q.asTriple());
            }
        });
        return copy;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
        var quads = dsg.find(Node.ANY, m.getSubject(), m.getPredicate(), m.getObject());
        var triples = Iter.map(Iter.filter(quads, q -> !INFERRED.equals(q.getGraph())), Quad::asTriple);
        return WrappedIterator.createNoRemove(Iter.distinct(triples));
    }
}
