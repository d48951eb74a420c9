package nl.kamerstroom.index.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.kamerstroom.common.http.BadRequestException;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.index.search.MotionHistory;
import nl.kamerstroom.index.search.SearchStore;

/**
 * {@code /api/motions/{kst-id}}: every document that mentions the motion, oldest first, with the
 * status each states and the parties for and against where named, and the last known status with
 * the document it comes from (see {@link MotionHistory} for which one wins). Answered alike by
 * both stores.
 */
final class MotionApi {

    static final String PATH = "/api/motions/";
    /**
     * A motion's public id as the extractor writes it: kst-{dossier}-{number}, the dossier with up
     * to two suffixes (21501-02, 35925-XVII), the number digits or an Eerste Kamer letter.
     */
    private static final Pattern MOTION_ID = Pattern.compile("kst-[0-9]{1,6}(-[0-9A-Za-z]{1,8}){1,3}");
    private static final String FORM = "kst-{dossier}-{number}, e.g. kst-36180-12 or kst-21501-02-2841";

    private final SearchStore search;

    MotionApi(SearchStore search) {
        this.search = search;
    }

    Response answer(Request request) throws IOException {
        String id = request.path().substring(PATH.length());
        if (!MOTION_ID.matcher(id).matches()) {
            throw new BadRequestException("Expected " + PATH + "{id} with a motion id of the form " + FORM + ", got '"
                    + id + "'");
        }
        MotionHistory history = search.motion(id);
        if (history.documents() == 0) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "No document mentions motion " + id);
            body.put("status", 404);
            body.put("id", id);
            body.put("hint", "Motions are known by the Kamerstuk the documents cite (" + FORM + "); "
                    + "/api/entities?type=motion lists the ones the index holds, /api/search?q=… finds a motion "
                    + "cited by its submitters only.");
            return Response.json(404, body);
        }
        return Response.json(json(history));
    }

    private static Map<String, Object> json(MotionHistory history) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", history.id());
        json.put("submitters", history.submitters());
        json.put("documents", history.documents());
        json.put("read", history.history().size());
        MotionHistory.Entry last = history.last();
        if (last == null) {
            json.put("lastStatus", null);
        } else {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", last.status());
            status.put("date", last.date());
            status.put("document", last.id());
            status.put("title", last.title());
            status.put("votesFor", last.votesFor());
            status.put("votesAgainst", last.votesAgainst());
            json.put("lastStatus", status);
        }
        List<Map<String, Object>> entries = new ArrayList<>(history.history().size());
        for (MotionHistory.Entry entry : history.history()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", entry.id());
            row.put("title", entry.title());
            row.put("fileName", entry.fileName());
            row.put("date", entry.date());
            row.put("documentType", entry.documentType());
            row.put("documentId", entry.documentId());
            row.put("status", entry.status());
            row.put("votesFor", entry.votesFor());
            row.put("votesAgainst", entry.votesAgainst());
            row.put("mentions", entry.mentions());
            entries.add(row);
        }
        json.put("history", entries);
        return json;
    }
}
