package org.convergence.testsupport.corpus;

import java.util.List;
import java.util.Map;

/**
 * One malformed request and what must come back: the status, and the fields or parameters the problem must name.
 *
 * @param chunkSize 0 for a body sent with its Content-Length, else the size of the chunks it is sent in
 */
public record CorpusCase(String name, String method, String target, Map<String, String> headers, byte[] body,
                         int chunkSize, int status, List<String> fields) {
}
