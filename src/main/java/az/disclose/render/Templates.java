package az.disclose.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
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
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(new FileTemplateLoader(templatesDir.toFile()));
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
    StringWriter out = new StringWriter(16 * 1024);
    template.process(model, out);
    return out.toString();
  }
}
