package org.pledgegraph.validate;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
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
        if (atLeast(dsg, limit)) {
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

    /** Whether the dataset holds at least {@code limit} quads; counted on TDB2's ids, without reading a node. */
    private static boolean atLeast(DatasetGraph dsg, long limit) {
        long n = 0;
        if (TDBInternal.isTDB2(dsg)) {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            for (var table : List.of(tdb.getQuadTable().getNodeTupleTable(), tdb.getTripleTable().getNodeTupleTable())) {
                Iterator<?> ids = table.getTupleTable().getIndex(0).all();
                try {
                    while (ids.hasNext() && n < limit) {
                        ids.next();
                        n++;
                    }
                } finally {
                    Iter.close(ids);
                }
            }
            return n >= limit;
        }
        var it = dsg.find();
        try {
            while (it.hasNext() && n < limit) {
                it.next();
                n++;
            }
        } finally {
            Iter.close(it);
        }
        return n >= limit;
    }

    /**
     * The class hierarchy lookups of one validation, remembered: every {@code sh:class} value walks its types'
     * superclasses ({@code G.allTypesOfNodeRDFS}), which through this view are B+tree probes of the whole store, the
     * same few hundred again and again. A validation runs inside one transaction, so the data does not change under it.
     */
    private final Map<Triple, List<Triple>> hierarchy = new HashMap<>();
    /**
     * The triples of the subjects validated lately, by subject: SHACL asks for a focus node's values one property
     * shape at a time (and for a value's types once per node that names it); one scan of the subject's run of the
     * index answers them all. A subject with more than {@link #SUBJECT_LIMIT} triples is not kept.
     */
    private final Map<Node, List<Triple>> subjects = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) {
            return size() > SUBJECTS_KEPT;
        }
    };
    /** The types of the nodes looked at lately: a value (a state, a summit) is checked for every node that names it. */
    private final Map<Node, List<Triple>> types = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) {
            return size() > TYPES_KEPT;
        }
    };
    private static final int TYPES_KEPT = 100_000;
    private static final Node TYPE = org.apache.jena.vocabulary.RDF.type.asNode();
    private static final int SUBJECTS_KEPT = 1024;
    private static final int SUBJECT_LIMIT = 256;
    private static final List<Triple> TOO_MANY = List.of();
    private static final Node SUBCLASS = RDFS.subClassOf.asNode();

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
        if (SUBCLASS.equals(m.getPredicate())) {
            return WrappedIterator.createNoRemove(hierarchy.computeIfAbsent(m, p -> view(p).toList()).iterator());
        }
        Node s = m.getSubject();
        if (TYPE.equals(m.getPredicate()) && s.isConcrete() && !m.getObject().isConcrete()) {
            List<Triple> known = types.get(s);
            if (known == null) {
                known = view(m).toList();
                types.put(s, known);
            }
            return WrappedIterator.createNoRemove(known.iterator());
        }
        if (s.isConcrete() && (!m.getPredicate().isConcrete() || !m.getObject().isConcrete())) {
            List<Triple> all = subjects.get(s);
            if (all == null) {
                all = scan(s);
                subjects.put(s, all);
            }
            if (all != TOO_MANY) {
                Iterator<Triple> matching = Iter.filter(all.iterator(), t -> m.matches(t));
                return WrappedIterator.createNoRemove(matching);
            }
        }
        return view(m);
    }

    /** The subject's asserted triples, or {@link #TOO_MANY}. */
    private List<Triple> scan(Node s) {
        Iterator<Quad> quads = dsg.find(Node.ANY, s, Node.ANY, Node.ANY);
        Set<Triple> found = new LinkedHashSet<>();
        try {
            while (quads.hasNext()) {
                Quad q = quads.next();
                if (!INFERRED.equals(q.getGraph())) {
                    found.add(q.asTriple());
                    if (found.size() > SUBJECT_LIMIT) {
                        return TOO_MANY;
                    }
                }
            }
        } finally {
            Iter.close(quads);
        }
        return List.copyOf(found);
    }

    private ExtendedIterator<Triple> view(Triple m) {
        var quads = dsg.find(Node.ANY, m.getSubject(), m.getPredicate(), m.getObject());
        var triples = Iter.map(Iter.filter(quads, q -> !INFERRED.equals(q.getGraph())), Quad::asTriple);
        return WrappedIterator.createNoRemove(Iter.distinct(triples));
    }
}
