package dictbench.report;

import static dictbench.results.SyntheticResults.WARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.format.Svg;
import dictbench.results.Results;
import dictbench.results.SyntheticResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * The report's HTML as a browser reads it (jsoup's HTML5 parser) and every chart as an SVG reader does (the JDK's XML
 * parser): each chart has its title, both axis labels and a legend, no legend entry without its curve, one colour per
 * strategy in every chart, bars fastest first, and a log axis where one bar would flatten the rest.
 */
class ReportHtmlTest {

    @TempDir
    Path tmp;

    String html(SyntheticResults results) throws Exception {
        Path run = results.writeTo(tmp.resolve("run" + System.nanoTime()));
        SyntheticResults.environment(run, 2, "smoke");
        SyntheticResults.timeline(run, "SequentialLoadBenchmark", WARM, 6, 100_000_000L);
        return Report.of(Results.read(List.of(run))).html();
    }

    @Test
    void theHtmlParsesWithAHeaderAContentsThatLinksAndAVerdict() throws Exception {
        Document doc = Jsoup.parse(html(SyntheticResults.fullRun()));
        assertEquals("dictbench report", doc.selectFirst("h1").text());
        assertTrue(doc.select("p").stream().anyMatch(p -> p.text().startsWith("Machine E1: Test CPU 9000, 2 cores")), "the machine");
        assertTrue(doc.select("p").stream().anyMatch(p -> p.text().startsWith("Run ") && p.text().contains("2 forks × 3 shots")), "the run");
        assertEquals("Verdict", doc.selectFirst("h2").text(), "the verdict comes first");
        List<Element> links = doc.select("nav a");
        assertFalse(links.isEmpty(), "a table of contents");
        for (Element a : links) {
            Element target = doc.getElementById(a.attr("href").substring(1));
            assertTrue(target != null && target.text().equals(a.text()), "the contents link " + a + " reaches its heading");
        }
    }

    @Test
    void everyChartHasItsTitleAxesAndLegendAndNoLegendWithoutItsCurve() throws Exception {
        List<org.w3c.dom.Document> charts = charts(html(SyntheticResults.fullRun()));
        assertTrue(charts.size() >= 5, charts.size() + " charts");
        for (org.w3c.dom.Document svg : charts) {
            String title = textOf(svg.getDocumentElement(), "title");
            assertFalse(title.isBlank(), "a chart without a title");
            assertFalse(byClass(svg, "axis-x").getFirst().isBlank(), title + ": no x-axis label");
            assertFalse(byClass(svg, "axis-y").getFirst().isBlank(), title + ": no y-axis label");
            List<String> legend = byClass(svg, "legend");
            assertFalse(legend.isEmpty(), title + ": no legend");
            String raw = serialise(svg);
            if (legend.contains("Amdahl fit")) {
                assertTrue(raw.contains("<polyline") && raw.contains("stroke-dasharray=\"7 4\""), title + ": an Amdahl legend, no curve");
            }
            if (legend.contains("USL fit")) {
                assertTrue(raw.contains("stroke-dasharray=\"2 3\""), title + ": a USL legend, no curve");
            }
        }
    }

    @Test
    void aSpeedupChartWithoutFitsHasNoFitLegend() throws Exception {
        // forkjoin at 1 and 2 threads only: too few thread counts for either fit
        List<org.w3c.dom.Document> charts = charts(html(new SyntheticResults().add("SequentialLoadBenchmark", WARM, 100)
                .add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"1\"", 110).add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"2\"", 60)));
        org.w3c.dom.Document speedup = charts.stream().filter(c -> textOf(c.getDocumentElement(), "title").startsWith("Speedup"))
                .findFirst().orElseThrow();
        List<String> legend = byClass(speedup, "legend");
        assertFalse(legend.contains("Amdahl fit") || legend.contains("USL fit"), legend.toString());
        assertTrue(legend.contains("forkjoin"), legend.toString());
    }

    @Test
    void aTableWithNothingButNaIsOneSentenceNotATable() throws Exception {
        Path run = new SyntheticResults().add("SequentialLoadBenchmark", WARM, 100)
                .add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"1\"", 110).add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"2\"", 60)
                .writeTo(tmp.resolve("two-counts"));
        SyntheticResults.environment(run, 2, "smoke");
        String md = Report.of(Results.read(List.of(run))).markdown();
        assertFalse(md.contains("**Scalability fits"), "two thread counts fit nothing: no table of n/a\n" + md);
        assertTrue(md.contains("Scalability fits — E1 · dataset smoke · format binary: n/a for every row. n/a: the Amdahl fit needs 3 thread counts"), md);
        assertTrue(md.contains("**Scaling per thread count"), "the measured points keep their table");
    }

    @Test
    void aStrategyKeepsItsColourInEveryChart() throws Exception {
        Map<String, String> colours = new LinkedHashMap<>();
        for (org.w3c.dom.Document svg : charts(html(SyntheticResults.fullRun()))) {
            NodeList texts = svg.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                org.w3c.dom.Element t = (org.w3c.dom.Element) texts.item(i);
                String strategy = t.getTextContent().split("[ :]")[0];
                if (!"legend".equals(t.getAttribute("class")) || !List.of("sequential", "platform", "virtual", "forkjoin").contains(strategy)) {
                    continue;
                }
                org.w3c.dom.Element key = (org.w3c.dom.Element) previousElement(t);
                String colour = key.hasAttribute("fill") ? key.getAttribute("fill") : key.getAttribute("stroke");
                String before = colours.putIfAbsent(strategy, colour);
                assertTrue(before == null || before.equals(colour), strategy + " is " + before + " in one chart and " + colour + " in another");
            }
        }
        assertEquals(Svg.PALETTE.get(1), colours.get("platform"), "platform: the catalogue's second colour, " + colours);
        assertTrue(colours.size() >= 3, colours.toString());
    }

    @Test
    void barsRunFastestFirstWithSequentialDrawnAcrossAndALogAxisWhenOneBarWouldFlattenTheRest() throws Exception {
        List<org.w3c.dom.Document> charts = charts(html(new SyntheticResults().add("SequentialLoadBenchmark", WARM, 400)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"split\":\"false\",\"threads\":\"2\"", 200)
                .add("VirtualThreadsLoadBenchmark", WARM + ",\"split\":\"false\"", 250)
                .add("SubprocessLoadBenchmark", WARM + ",\"mode\":\"spawn\",\"threads\":\"2\"", 5000)
                .add("RawReadBenchmark", WARM + ",\"threads\":\"2\"", 30)));
        org.w3c.dom.Document bars = charts.stream().filter(c -> textOf(c.getDocumentElement(), "title").startsWith("Shot time per strategy"))
                .findFirst().orElseThrow();
        List<Double> medians = new ArrayList<>();
        Matcher m = Pattern.compile("<title>[^<]*?, warm: ([0-9.]+) ms \\[").matcher(serialise(bars));
        while (m.find()) {
            medians.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(List.of(200.0, 250.0, 400.0, 5000.0), medians, "fastest first; the raw-read bound is not among the strategies");
        assertTrue(byClass(bars, "axis-y").getFirst().contains("log scale"), "5000 ms against 200 ms: a log axis");
        assertTrue(byClass(bars, "legend").contains("sequential, warm (reference)"));
        assertTrue(charts.stream().anyMatch(c -> textOf(c.getDocumentElement(), "title").startsWith("Shot time of the bounds")),
                "the bounds have their own chart");
    }

    private static List<org.w3c.dom.Document> charts(String html) throws Exception {
        List<org.w3c.dom.Document> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(ReportTest.parseXml(m.group()));
        }
        return out;
    }

    private static List<String> byClass(org.w3c.dom.Document svg, String cls) {
        List<String> out = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            org.w3c.dom.Element t = (org.w3c.dom.Element) texts.item(i);
            if (cls.equals(t.getAttribute("class"))) {
                out.add(t.getTextContent());
            }
        }
        return out;
    }

    private static String textOf(org.w3c.dom.Element root, String child) {
        NodeList n = root.getElementsByTagName(child);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent();
    }

    private static org.w3c.dom.Node previousElement(org.w3c.dom.Node n) {
        org.w3c.dom.Node p = n.getPreviousSibling();
        while (p != null && p.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
            p = p.getPreviousSibling();
        }
        return p;
    }

    private static String serialise(org.w3c.dom.Document doc) throws Exception {
        var writer = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                .transform(new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(writer));
        return writer.toString();
    }
}
