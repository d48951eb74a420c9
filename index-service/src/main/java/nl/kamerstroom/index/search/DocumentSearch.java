package nl.kamerstroom.index.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.store.DocumentJson;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.SearchIndex;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs searches, document look-ups and facet counts against the {@link SearchIndex}. A search
 * stops collecting at its time limit and answers with what it found until then, marked
 * {@link SearchResult#timedOut()} (as Elasticsearch's {@code timed_out}): the work already done is
 * not thrown away, and retrying the same query would only take as long again.
 */
public final class DocumentSearch implements SearchStore {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentSearch.class);
    /** Facets in every answer: the filters a user can click. */
    public static final List<String> FACETS = List.of(IndexFields.MINISTRY, IndexFields.COUNTRY, IndexFields.TYPE,
            IndexFields.YEAR, IndexFields.CHAMBER, IndexFields.MOTION_STATUS);
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_CHARS = 200;
    /**
     * Snippets come from the first 1 M chars of a text: a 5 MB text would otherwise be loaded and
     * scanned in full for every hit on the page.
     */
    private static final int HIGHLIGHT_MAX_CHARS = 1_000_000;
    /** An empty query lists documents newest first; undated ones last. */
    private static final Sort NEWEST_FIRST = newestFirst();
    private static final Set<String> SOURCE_ONLY = Set.of(IndexFields.SOURCE);
    private static final Set<String> VIEWS = Set.of(IndexFields.SOURCE, IndexFields.FULL_SOURCE);

    private final SearchIndex index;
    private final Analyzer analyzer;
    private final QueryFactory queries;
    private final FacetCounter facets = new FacetCounter();
    private final Duration timeLimit;

    /** Searches without a time limit (benchmarks, tests). */
    public DocumentSearch(SearchIndex index) {
        this(index, null);
    }

    /** @param timeLimit how long one search may collect matches; null for no limit */
    public DocumentSearch(SearchIndex index, Duration timeLimit) {
        this.index = index;
        this.analyzer = IndexFields.analyzer();
        this.queries = new QueryFactory(analyzer);
        this.timeLimit = timeLimit;
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        Query userQuery = queries.userQuery(request.q());
        Query query = queries.build(request);
        boolean browsing = request.q() == null || request.q().isBlank();
        int wanted = Math.max(1, request.offset() + request.limit());
        try {
            return index.withSearcher(shared -> {
                IndexSearcher searcher = timeLimited(shared);
                // Facet counting visits every match anyway, so an exact total costs nothing extra.
                var top = browsing
                        ? new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, Integer.MAX_VALUE)
                        : new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE);
                Object[] results = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
                TopDocs topDocs = (TopDocs) results[0];
                FacetsCollector matches = (FacetsCollector) results[1];
                ScoreDoc[] page = page(topDocs.scoreDocs, request.offset(), request.limit());
                if (searcher.timedOut()) {
                    LOG.warn("Search for '{}' stopped at its {} ms time limit (INDEX_QUERY_TIMEOUT); answering with "
                            + "{} matches found until then", request.q(), timeLimit.toMillis(), topDocs.totalHits.value());
                }
                return new SearchResult(topDocs.totalHits.value(), hits(searcher, userQuery, topDocs, page),
                        facetCounts(searcher, matches), searcher.timedOut());
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw QueryFactory.tooBroad();
        }
    }

    /** The whole document with its text, or empty when the index has no such id. */
    @Override
    public Optional<Map<String, Object>> document(String id) throws IOException {
        return index.withSearcher(searcher -> {
            TopDocs found = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document stored = searcher.storedFields().document(found.scoreDocs[0].doc);
            Map<String, Object> json = wholeView(stored);
            json.put(DocumentJson.TEXT, stored.get(IndexFields.TEXT));
            return Optional.of(json);
        });
    }

    /** Distinct values of a keyword field with the number of documents holding each, most frequent first. */
    @Override
    public List<SearchResult.FacetValue> counts(String field, int top) throws IOException {
        return index.withSearcher(searcher -> facets.top(searcher.getIndexReader(), field, null, top));
    }

    @Override
    public String namesField(String field) {
        return IndexFields.names(field);
    }

    @Override
    public Mentioning mentioning(String field, String value, int max) throws IOException {
        Query query = new TermQuery(new Term(field, value));
        return index.withSearcher(searcher -> {
            TopDocs found = searcher.search(query, Math.max(1, max), NEWEST_FIRST);
            var storedFields = searcher.storedFields();
            List<Map<String, Object>> views = new ArrayList<>(found.scoreDocs.length);
            for (ScoreDoc match : found.scoreDocs) {
                views.add(wholeView(storedFields.document(match.doc, VIEWS)));
            }
            return new Mentioning(searcher.count(query), views);
        });
    }

    /**
     * A searcher of its own for this search: a time limit set on the shared one would apply to
     * every search running on it. Cheap: it wraps the same reader.
     */
    private IndexSearcher timeLimited(IndexSearcher shared) {
        if (timeLimit == null) {
            return shared;
        }
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        long deadline = System.nanoTime() + timeLimit.toNanos();
        searcher.setTimeout(() -> System.nanoTime() - deadline >= 0);
        return searcher;
    }

    private List<SearchResult.Hit> hits(IndexSearcher searcher, Query userQuery, TopDocs all, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        String[] snippets = highlighter(searcher).highlight(IndexFields.TEXT, userQuery,
                new TopDocs(all.totalHits, page), 1);
        var storedFields = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchResult.Hit(source(storedFields.document(page[i].doc, SOURCE_ONLY)), snippets[i]));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(HIGHLIGHT_MAX_CHARS)
                // Word boundaries, not sentences: extracted PDF text often has no full stops for pages.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.of("nl")), SNIPPET_CHARS, 0.5f))
                // Escaped text with <mark> around matches: safe to put into a page as HTML.
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build();
    }

    private Map<String, List<SearchResult.FacetValue>> facetCounts(IndexSearcher searcher, FacetsCollector matches)
            throws IOException {
        Map<String, List<SearchResult.FacetValue>> counts = new LinkedHashMap<>();
        for (String field : FACETS) {
            counts.put(field, facets.top(searcher.getIndexReader(), field, matches, FACET_VALUES));
        }
        return counts;
    }

    /** The stored JSON view (without text) of a Lucene document, as search hits show it. */
    static Map<String, Object> source(Document stored) throws IOException {
        return source(stored, IndexFields.SOURCE);
    }

    /** The JSON view (without text) with every mention: what entity pages count and the document page shows. */
    private static Map<String, Object> wholeView(Document stored) throws IOException {
        return source(stored, stored.getField(IndexFields.FULL_SOURCE) != null ? IndexFields.FULL_SOURCE
                : IndexFields.SOURCE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Document stored, String field) throws IOException {
        BytesRef json = stored.getBinaryValue(field);
        return Response.JSON.readValue(json.bytes, json.offset, json.length, LinkedHashMap.class);
    }

    private static ScoreDoc[] page(ScoreDoc[] top, int offset, int limit) {
        if (offset >= top.length) {
            return new ScoreDoc[0];
        }
        return Arrays.copyOfRange(top, offset, Math.min(top.length, offset + limit));
    }

    private static Sort newestFirst() {
        SortedNumericSortField date = new SortedNumericSortField(IndexFields.DATE, SortField.Type.INT, true);
        date.setMissingValue(Integer.MIN_VALUE);
        return new Sort(date, SortField.FIELD_DOC);
    }
}
