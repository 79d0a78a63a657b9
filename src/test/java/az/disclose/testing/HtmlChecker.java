package az.disclose.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nu.validator.checker.Checker;
import nu.validator.checker.CspEnforcementChecker;
import nu.validator.checker.DuplicateDtChecker;
import nu.validator.checker.HeadingHierarchyChecker;
import nu.validator.checker.MicrodataChecker;
import nu.validator.checker.NormalizationChecker;
import nu.validator.checker.SpeculationRulesChecker;
import nu.validator.checker.TextContentChecker;
import nu.validator.checker.UncheckedSubtreeWarner;
import nu.validator.checker.UsemapChecker;
import nu.validator.checker.XmlPiChecker;
import nu.validator.checker.jing.CheckerSchema;
import nu.validator.checker.jing.CheckerValidator;
import nu.validator.checker.table.TableChecker;
import nu.validator.htmlparser.common.Heuristics;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import nu.validator.localentities.LocalCacheEntityResolver;
import nu.validator.vendor.thaiopensource.relaxng.impl.CombineValidator;
import nu.validator.vendor.thaiopensource.util.PropertyMap;
import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.IncorrectSchemaException;
import nu.validator.vendor.thaiopensource.validate.Schema;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.Validator;
import nu.validator.vendor.thaiopensource.validate.prop.rng.RngProperty;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import nu.validator.vendor.thaiopensource.xml.sax.Jaxp11XMLReaderCreator;
import nu.validator.xml.AttributesPermutingXMLReaderWrapper;
import nu.validator.xml.NullEntityResolver;
import nu.validator.xml.TypedInputSource;
import nu.validator.xml.ariaattributes.AriaAttributeDroppingSchemaWrapper;
import nu.validator.xml.customelements.NamespaceChangingSchemaWrapper;
import nu.validator.xml.dataattributes.DataAttributeDroppingSchemaWrapper;
import nu.validator.xml.langattributes.XmlLangAttributeDroppingSchemaWrapper;
import nu.validator.xml.roleattributes.RoleAttributeFilteringSchemaWrapper;
import nu.validator.xml.templateelement.TemplateElementDroppingSchemaWrapper;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Test utility: checks HTML documents with the W3C Nu HTML Checker ("vnu", {@code nu.validator:validator})
 * used as a library, configured the way the vnu command line checks a {@code .html} file: main schema
 * {@value #SCHEMA_URL}, the same schema wrappers and non-schema checkers, streaming HTML parser, file
 * decoded as UTF-8.
 *
 * <p><b>Why not {@code SimpleDocumentValidator}?</b> The pipeline below is a line-by-line transcription
 * of {@code nu.validator.validation.SimpleDocumentValidator#setUpMainSchema} and
 * {@code #setUpValidatorAndParsers} (vnu 26.1.11, HTML path), which is what
 * {@code nu.validator.client.SimpleCommandLineValidator} uses. {@code SimpleDocumentValidator} itself
 * cannot be used on this classpath: its static initializer calls
 * {@code PrudentHttpEntityResolver.setParams(..)}, and linking {@code PrudentHttpEntityResolver} needs
 * the Jetty 11 HTTP client ({@code org.eclipse.jetty.client.api.*}), which the pom excludes because it
 * clashes with the project's Jetty 12 ({@code NoClassDefFoundError:
 * org/eclipse/jetty/client/api/Response$CompleteListener}). Nothing below touches that class.
 * Differences from the CLI, all of which only affect warnings or message presentation: the language
 * detector (warnings only) is left out, and no {@code SourceCode} recorder (used only for source
 * extracts in reports) is attached.
 *
 * <p><b>No network access.</b> Schemas are resolved by a {@link LocalCacheEntityResolver} backed by a
 * {@link NullEntityResolver}: {@code http://s.validator.nu/...} URLs (and every file they include) are
 * read from the copies bundled in the validator jar ({@code nu/validator/localentities/files/}, mapped by
 * {@code entitymap}); any other URL resolves to nothing instead of being fetched. vnu's HTTP fetcher
 * ({@code PrudentHttpEntityResolver}) is never used. Documents are only read from local files, and the
 * HTML parser does not load external resources.
 *
 * <p>Only <em>errors</em> and <em>fatal errors</em> are reported; warnings and info messages are
 * dropped. (The {@code nu.validator.datatype.warn} system property is left unset, as with vnu's
 * {@code --errors-only}.) A fatal error (e.g. a streamability violation of the streaming parser, as in
 * vnu's default mode) stops checking of that file after being reported.
 *
 * <p><b>Threading and reuse.</b> {@link #create()} is expensive (compiles the HTML schema): build one
 * instance per test class (a {@code static} field set in {@code @BeforeAll}) and reuse it for any number
 * of files; the pipeline is reset before each document, and an error in one file does not affect the next.
 * An instance holds one mutable parser/validator pipeline, so checks on one instance run one at a time:
 * {@link #check} and {@link #checkAll} are {@code synchronized}, which makes sharing an instance between
 * threads safe but serial. For parallel checking, create one instance per thread. {@link #create()} sets the
 * JVM-wide system property {@code nu.validator.schema.rdfa-full=1}, exactly as vnu does for this schema.
 */
public final class HtmlChecker {

    /** Main schema used by the vnu command line for {@code .html} files. */
    public static final String SCHEMA_URL = "http://s.validator.nu/html5-all.rnc";

    private final Validator validator;
    private final XMLReader htmlReader;
    private final CollectingErrorHandler handler;

    private HtmlChecker(Validator validator, XMLReader htmlReader, CollectingErrorHandler handler) {
        this.validator = validator;
        this.htmlReader = htmlReader;
        this.handler = handler;
    }

    /**
     * Builds a checker. Expensive (loads and compiles the bundled HTML schema): build once per test class
     * and reuse it.
     *
     * @throws IllegalStateException if the bundled schema cannot be loaded
     */
    public static HtmlChecker create() {
        try {
            return pipeline(mainSchema(), new CollectingErrorHandler());
        } catch (StackOverflowError e) {
            throw new IllegalStateException(
                    "StackOverflowError while compiling the HTML schema; vnu needs a thread stack of"
                            + " at least 512k (e.g. -Xss512k)", e);
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("Cannot set up the Nu HTML checker: " + e, e);
        }
    }

    /** As {@code SimpleDocumentValidator.setUpMainSchema(SCHEMA_URL, ...)}, local resources only. */
    private static Schema mainSchema() throws IOException, SAXException {
        LocalCacheEntityResolver entityResolver = new LocalCacheEntityResolver(new NullEntityResolver());
        entityResolver.setAllowRnc(true);
        SchemaErrorHandler schemaErrors = new SchemaErrorHandler();
        PropertyMapBuilder pmb = new PropertyMapBuilder();
        pmb.put(ValidateProperty.ERROR_HANDLER, schemaErrors);
        pmb.put(ValidateProperty.ENTITY_RESOLVER, entityResolver);
        pmb.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
        RngProperty.CHECK_ID_IDREF.add(pmb);
        PropertyMap properties = pmb.toPropertyMap();

        InputSource input = entityResolver.resolveEntity(null, SCHEMA_URL);
        if (!(input instanceof TypedInputSource)
                || !"application/relax-ng-compact-syntax".equals(((TypedInputSource) input).getType())) {
            throw new IllegalStateException(SCHEMA_URL + " is not bundled in the validator jar");
        }
        Schema schema;
        try {
            schema = CompactSchemaReader.getInstance().createSchema(input, properties);
        } catch (IncorrectSchemaException e) {
            throw new IllegalStateException("Incorrect bundled schema: " + schemaErrors.errors, e);
        }
        if (!schemaErrors.errors.isEmpty()) {
            throw new IllegalStateException("Errors in the bundled vnu schema: " + schemaErrors.errors);
        }
        schema = new DataAttributeDroppingSchemaWrapper(schema);
        schema = new AriaAttributeDroppingSchemaWrapper(schema);
        schema = new XmlLangAttributeDroppingSchemaWrapper(schema);
        schema = new RoleAttributeFilteringSchemaWrapper(schema);
        schema = new TemplateElementDroppingSchemaWrapper(schema);
        schema = new NamespaceChangingSchemaWrapper(schema);
        System.setProperty("nu.validator.schema.rdfa-full", "1"); // as vnu does for html5-all.rnc
        return schema;
    }

    /**
     * As {@code SimpleDocumentValidator.setUpValidatorAndParsers(handler, noStream=false,
     * loadExternalEnts=false)}, HTML parser only, without the (warnings-only) language detector.
     */
    private static HtmlChecker pipeline(Schema mainSchema, CollectingErrorHandler handler)
            throws SAXException {
        PropertyMapBuilder pmb = new PropertyMapBuilder();
        pmb.put(ValidateProperty.ERROR_HANDLER, handler);
        pmb.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
        RngProperty.CHECK_ID_IDREF.add(pmb);
        PropertyMap properties = pmb.toPropertyMap();

        Validator v = mainSchema.createValidator(properties);
        v = new CombineValidator(v, CheckerSchema.ASSERTION_SCH.createValidator(properties));
        for (Checker checker : new Checker[] {
                new TableChecker(), new DuplicateDtChecker(), new HeadingHierarchyChecker(),
                new MicrodataChecker(), new NormalizationChecker(), new SpeculationRulesChecker(),
                new TextContentChecker(), new UncheckedSubtreeWarner(), new UsemapChecker(),
                new XmlPiChecker(), new CspEnforcementChecker() }) {
            v = new CombineValidator(v, new CheckerValidator(checker, properties));
        }

        HtmlParser parser = new HtmlParser();
        parser.setCommentPolicy(XmlViolationPolicy.ALLOW);
        parser.setContentNonXmlCharPolicy(XmlViolationPolicy.ALLOW);
        parser.setContentSpacePolicy(XmlViolationPolicy.ALTER_INFOSET);
        parser.setNamePolicy(XmlViolationPolicy.ALLOW);
        parser.setXmlnsPolicy(XmlViolationPolicy.ALTER_INFOSET);
        parser.setMappingLangToXmlLang(true);
        parser.setHeuristics(Heuristics.ALL);
        parser.setContentHandler(v.getContentHandler());
        parser.setErrorHandler(handler);
        parser.setFeature("http://xml.org/sax/features/unicode-normalization-checking", true);
        parser.setStreamabilityViolationPolicy(XmlViolationPolicy.FATAL);
        HashMap<String, String> errorProfile = new HashMap<>();
        errorProfile.put("html-strict", "warn");
        parser.setErrorProfile(errorProfile);
        XMLReader reader = new AttributesPermutingXMLReaderWrapper(parser);
        return new HtmlChecker(v, reader, handler);
    }

    /**
     * Checks one HTML file (decoded as UTF-8, parsed as text/html).
     *
     * @return the errors and fatal errors, in the order reported (empty when the document is valid)
     * @throws UncheckedIOException if the file cannot be read
     */
    public synchronized List<Problem> check(Path htmlFile) {
        Objects.requireNonNull(htmlFile, "htmlFile");
        handler.begin(htmlFile);
        try (InputStream in = Files.newInputStream(htmlFile)) {
            InputSource source = new InputSource(in);
            source.setSystemId(htmlFile.toAbsolutePath().toUri().toString());
            source.setEncoding("UTF-8"); // as SimpleDocumentValidator.checkHtmlFile(file, true)
            validator.reset();
            try {
                htmlReader.parse(source);
            } catch (SAXParseException e) {
                // already reported to the handler (fatal error); vnu swallows it the same way
            }
        } catch (IOException e) {
            handler.end();
            throw new UncheckedIOException("Cannot check " + htmlFile, e);
        } catch (SAXException e) {
            // Not a parse error: something unexpected inside the checker. Report it rather than lose it.
            handler.add(new Problem(htmlFile, -1, -1, "checker failure: " + e));
        }
        return handler.end();
    }

    /**
     * Checks every {@code *.html} file under {@code dir} (recursively), in path order.
     *
     * @return all problems of all files, grouped by file in path order
     * @throws UncheckedIOException if the directory cannot be walked or a file cannot be read
     */
    public synchronized List<Problem> checkAll(Path dir) {
        Objects.requireNonNull(dir, "dir");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted(Comparator.comparing(Path::toString))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        List<Problem> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(check(file));
        }
        return List.copyOf(all);
    }

    /**
     * One error in one file. {@code line} and {@code column} are 1-based, or -1 when unknown.
     */
    public record Problem(Path file, int line, int column, String message) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        /** {@code file:line:col: message}, like a compiler diagnostic. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    /** Collects document errors for the file currently being checked. */
    private static final class CollectingErrorHandler implements ErrorHandler {
        private Path file;
        private List<Problem> problems = new ArrayList<>();

        void begin(Path file) {
            this.file = file;
            this.problems = new ArrayList<>();
        }

        List<Problem> end() {
            List<Problem> result = List.copyOf(problems);
            this.file = null;
            this.problems = new ArrayList<>();
            return result;
        }

        void add(Problem problem) {
            problems.add(problem);
        }

        private void record(SAXParseException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            problems.add(new Problem(file, e.getLineNumber(), e.getColumnNumber(), message));
        }

        @Override
        public void warning(SAXParseException e) {
            // ignored: errors only
        }

        @Override
        public void error(SAXParseException e) {
            record(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            record(e);
            throw e; // SAX contract: parsing stops; vnu catches SAXParseException itself
        }
    }

    /** Collects errors in the (bundled) schema itself while it is being compiled. */
    private static final class SchemaErrorHandler implements ErrorHandler {
        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
            throw e;
        }
    }
}
