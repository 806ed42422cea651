package org.custodian.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerScope;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The Maven Central distribution of Elasticsearch (integ-test-zip) ships without the analysis-common
 * module, so this registers its CJK parts under the same names from the Lucene classes the server
 * already bundles: analyzer `cjk`, token filters `cjk_bigram` and `cjk_width`.
 */
public final class CjkAnalysisPlugin extends Plugin implements AnalysisPlugin {
    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("cjk", (indexSettings, env, name, settings) -> new CjkAnalyzerProvider(name));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "cjk_bigram",
            (indexSettings, env, name, settings) -> new Filter(name, settings.getAsBoolean("output_unigrams", false)),
            "cjk_width",
            (indexSettings, env, name, settings) -> new Filter(name, null)
        );
    }

    private static final class CjkAnalyzerProvider implements AnalyzerProvider<CJKAnalyzer> {
        private final String name;
        private final CJKAnalyzer analyzer = new CJKAnalyzer();

        CjkAnalyzerProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public AnalyzerScope scope() {
            return AnalyzerScope.INDEX;
        }

        @Override
        public CJKAnalyzer get() {
            return analyzer;
        }
    }

    /** `outputUnigrams == null` means the width filter; otherwise the bigram filter. */
    private static final class Filter implements TokenFilterFactory {
        private final String name;
        private final Boolean outputUnigrams;

        Filter(String name, Boolean outputUnigrams) {
            this.name = name;
            this.outputUnigrams = outputUnigrams;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TokenStream create(TokenStream in) {
            if (outputUnigrams == null) {
                return new CJKWidthFilter(in);
            }
            int scripts = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
            return new CJKBigramFilter(in, scripts, outputUnigrams);
        }
    }
}
