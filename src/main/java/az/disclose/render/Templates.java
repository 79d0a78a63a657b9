package az.disclose.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The theme's FreeMarker templates ({@code theme/templates/*.ftlh}, HTML auto-escaped; {@code *.ftlx}
 * XML auto-escaped). Errors in templates are thrown, never printed into the page. Thread-safe once
 * built: FreeMarker's {@link Configuration} may be shared by rendering threads.
 */
public final class Templates {
  private final Configuration config;

  public Templates(Path templatesDir, Locale locale) throws IOException {
    this(new FileTemplateLoader(templatesDir.toFile()), locale);
  }

  /**
   * Templates shipped in the jar under {@code packagePath} of {@code base}'s class loader (the
   * reports' fixed print layouts), with the same settings as the theme's.
   */
  public static Templates fromClasspath(Class<?> base, String packagePath, Locale locale) {
    return new Templates(new ClassTemplateLoader(base, packagePath), locale);
  }

  private Templates(TemplateLoader loader, Locale locale) {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(loader);
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    c.setLocale(locale);
    c.setRecognizeStandardFileExtensions(true);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    // Records and their derived values read alike in templates: plan.title, measure.url
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    c.setObjectWrapper(wrapper.build());
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setNumberFormat("computer");
    c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    this.config = c;
  }

  /** Renders {@code name} with {@code model} as the data model; throws naming the template and line. */
  public String render(String name, Map<String, ?> model) throws IOException, TemplateException {
    Template template = config.getTemplate(name);
    BuilderWriter out = new BuilderWriter(16 * 1024);
    template.process(model, out);
    return out.toString();
  }

  /**
   * A {@link java.io.StringWriter} without its lock: StringWriter appends to a StringBuffer, whose
   * every append (FreeMarker writes a page in hundreds of small pieces) takes a monitor. One
   * rendering thread writes each of these.
   */
  static final class BuilderWriter extends Writer {
    private final StringBuilder sb;

    BuilderWriter(int capacity) {
      this.sb = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
      sb.append((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str) {
      sb.append(str);
    }

    @Override
    public void write(String str, int off, int len) {
      sb.append(str, off, off + len);
    }

    @Override
    public Writer append(CharSequence csq) {
      sb.append(csq);
      return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) {
      sb.append(csq, start, end);
      return this;
    }

    @Override
    public Writer append(char c) {
      sb.append(c);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
