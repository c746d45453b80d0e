package io.langnghe.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;

import java.io.IOException;

/** A read from Elasticsearch on behalf of a request: when the cluster does not answer, a 503, never a 500. */
public final class Elastic {

    private Elastic() {
    }

    public interface Call<T> {
        T run() throws IOException;
    }

    public static <T> T ask(Call<T> call) {
        try {
            return call.run();
        } catch (IOException | ElasticsearchException e) {
            throw new ProblemException(Problem.searchUnavailable(), e);
        }
    }
}
