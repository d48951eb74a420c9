package nl.kamerstroom.index.search;

import java.util.Map;
import nl.kamerstroom.index.store.IndexFields;
import nl.kamerstroom.index.store.LuceneDocuments;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link SearchRequest} into a Lucene query. The user's text goes through the classic
 * query parser (AND between words, phrases, {@code ministry:BZ}, {@code title:begroting}, trailing
 * wildcards); its cost is bounded: no leading wildcards, no regular expressions, a length limit,
 * and a wildcard, prefix or range term may match at most {@link IndexSearcher#getMaxClauseCount()}
 * (1,024) words of the index, or the query is refused as too broad. (Lucene's default rewrite
 * would instead visit every matching word, however many; fuzzy terms are capped at 50 words by
 * {@code FuzzyQuery} itself.)
 */
public final class QueryFactory {

    public static final int MAX_QUERY_CHARS = 1000;
    private static final String[] SEARCHED_FIELDS = {IndexFields.TITLE, IndexFields.TEXT};
    /** A word in the title says more about a document than the same word somewhere in its text. */
    private static final Map<String, Float> BOOSTS = Map.of(IndexFields.TITLE, 2f, IndexFields.TEXT, 1f);

    private final Analyzer analyzer;

    public QueryFactory(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Query build(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(userQuery(request.q()), BooleanClause.Occur.MUST);
        request.termFilters().forEach((field, value) ->
                query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER));
        if (request.from() != null || request.to() != null) {
            int from = request.from() == null ? Integer.MIN_VALUE : (int) request.from().toEpochDay();
            int to = request.to() == null ? Integer.MAX_VALUE : (int) request.to().toEpochDay();
            query.add(IntField.newRangeQuery(IndexFields.DATE, from, to), BooleanClause.Occur.FILTER);
        }
        if (request.minAmount() != null) {
            query.add(LongField.newRangeQuery(IndexFields.amount(request.currency()),
                    LuceneDocuments.cents(request.minAmount()), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    /** The part of the query that scores and is highlighted: the user's text. */
    public Query userQuery(String q) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new InvalidQueryException("Query is longer than " + MAX_QUERY_CHARS + " characters");
        }
        try {
            return parser().parse(q);
        } catch (ParseException e) {
            throw new InvalidQueryException("Cannot parse query '" + q + "': " + firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("Query has more than " + IndexSearcher.getMaxClauseCount() + " terms");
        }
    }

    private QueryParser parser() {
        QueryParser parser = new MultiFieldQueryParser(SEARCHED_FIELDS, analyzer, BOOSTS) {
            @Override
            protected Query getRegexpQuery(String field, String termStr) throws ParseException {
                throw new ParseException("regular expressions (/.../) are not supported");
            }
        };
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        // One clause per matching word: more than the clause limit throws TooManyClauses while searching.
        parser.setMultiTermRewriteMethod(MultiTermQuery.CONSTANT_SCORE_BOOLEAN_REWRITE);
        return parser;
    }

    /** The 400 answer for a query whose wildcard, prefix, range or fuzzy term matches too many words. */
    static InvalidQueryException tooBroad() {
        return new InvalidQueryException("A wildcard, prefix, range or fuzzy term matches more than "
                + IndexSearcher.getMaxClauseCount() + " words of the index; make it more specific (e.g. more letters "
                + "before the *)");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
