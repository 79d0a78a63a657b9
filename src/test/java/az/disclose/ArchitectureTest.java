package az.disclose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The package directions of docs/architecture.md, enforced: an import against them fails the build
 * ({@code mvn verify} runs this with the unit tests). Each package may use only the packages listed
 * for it here, which are the arrows of the diagram in docs/architecture.md; change both together.
 * Test classes are not checked.
 */
@AnalyzeClasses(packages = "az.disclose", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** The packages every package may use. */
  private static final String[] FOUNDATIONS = {"yaml", "files"};

  /** The foundations and {@code layers}. */
  private static String[] with(String... layers) {
    return Stream.concat(Arrays.stream(FOUNDATIONS), Arrays.stream(layers)).toArray(String[]::new);
  }

  /**
   * Who may use whom. Only dependencies between these packages are checked (the JDK and libraries are
   * free); a class in a package not named here fails {@link #everyPackageHasItsPlace}. The two
   * foundations, yaml (strict YAML reading, problems with file:line) and files (atomic writes, tree
   * copies), use no other package and may be used by any.
   */
  @ArchTest
  static final ArchRule packagesDependOnlyInTheDocumentedDirections = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .withOptionalLayers(false)
      .layer("cli").definedBy("az.disclose.cli")
      .layer("app").definedBy("az.disclose.app")
      .layer("yaml").definedBy("az.disclose.yaml")
      .layer("files").definedBy("az.disclose.files")
      .layer("config").definedBy("az.disclose.config")
      .layer("content").definedBy("az.disclose.content")
      .layer("render").definedBy("az.disclose.render")
      .layer("calendar").definedBy("az.disclose.calendar")
      .layer("publish").definedBy("az.disclose.publish")
      .layer("site").definedBy("az.disclose.site")
      .layer("serve").definedBy("az.disclose.serve")
      .layer("inbox.model").definedBy("az.disclose.inbox.model")
      .layer("inbox").definedBy("az.disclose.inbox")
      .layer("inbox.store").definedBy("az.disclose.inbox.store")
      .layer("inbox.web").definedBy("az.disclose.inbox.web")
      .layer("inbox.mail").definedBy("az.disclose.inbox.mail")
      // The officers' accounts and sessions (issue 15), on the register's database.
      .layer("inbox.accounts").definedBy("az.disclose.inbox.accounts")
      // The officers' console (issue 15): the register and the accounts in a browser.
      .layer("inbox.console").definedBy("az.disclose.inbox.console")
      // The officers' reports (monthly FOI report, unit reports): optional until the package exists.
      .optionalLayer("report").definedBy("az.disclose.report")
      // Nothing imports the command line: it is the top.
      .whereLayer("cli").mayNotBeAccessedByAnyLayer()
      // The composition root: wires the parts from one resolved configuration for the front ends.
      .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
      .whereLayer("app").mayOnlyAccessLayers(with("config", "content", "render", "calendar", "publish", "site", "serve",
          "inbox", "inbox.store", "inbox.web", "inbox.mail", "inbox.accounts", "inbox.console"))
      .whereLayer("yaml").mayNotAccessAnyLayer()
      .whereLayer("files").mayNotAccessAnyLayer()
      .whereLayer("render").mayNotAccessAnyLayer()
      .whereLayer("serve").mayNotAccessAnyLayer()
      .whereLayer("config").mayOnlyAccessLayers(FOUNDATIONS)
      .whereLayer("content").mayOnlyAccessLayers(FOUNDATIONS)
      .whereLayer("calendar").mayOnlyAccessLayers(FOUNDATIONS)
      .whereLayer("publish").mayOnlyAccessLayers(with("config", "content"))
      // The site build never imports the inbox (nor serve): the inbox exports data under content/.
      .whereLayer("site").mayOnlyAccessLayers(with("config", "content", "publish", "render"))
      // The request records; the register declares the store (RequestStore, RequestTx, Tables) and the
      // store implements it: inbox never imports inbox.store.
      .whereLayer("inbox.model").mayOnlyAccessLayers(with("calendar"))
      .whereLayer("inbox").mayOnlyAccessLayers(with("inbox.model", "calendar"))
      .whereLayer("inbox.store").mayOnlyAccessLayers(with("inbox", "inbox.model", "calendar"))
      .whereLayer("inbox.web").mayOnlyAccessLayers(
          with("inbox", "inbox.model", "calendar", "config", "content", "render", "serve", "site"))
      // mail's tables through inbox.Tables; inbox.store only for the opened register (Inbox)
      .whereLayer("inbox.mail").mayOnlyAccessLayers(with("inbox", "inbox.model", "inbox.store", "calendar", "render"))
      // The officers' console accounts: on the register's database through RequestStore and Tables.
      .whereLayer("inbox.accounts").mayOnlyAccessLayers(with("inbox", "inbox.model"))
      // The command line (disclose users), the composition root and, with the console, the web layer.
      .whereLayer("inbox.accounts").mayOnlyBeAccessedByLayers("cli", "inbox.web", "inbox.console", "app")
      // The console: the register's service, the accounts, the mail quarantine; Jetty through serve's
      // bare server. Only the composition root (and the command line) wire it.
      .whereLayer("inbox.console").mayOnlyAccessLayers(
          with("inbox", "inbox.model", "inbox.accounts", "inbox.mail", "render", "calendar", "serve"))
      .whereLayer("inbox.console").mayOnlyBeAccessedByLayers("cli", "app")
      .whereLayer("report").mayOnlyAccessLayers(
          with("inbox", "inbox.model", "inbox.store", "calendar", "config", "content", "render"))
      .whereLayer("report").mayOnlyBeAccessedByLayers("cli");

  /** Every class of the program lives in one of the packages above. */
  @ArchTest
  static final ArchRule everyPackageHasItsPlace = classes()
      .should().resideInAnyPackage("az.disclose.cli", "az.disclose.app", "az.disclose.yaml", "az.disclose.files", "az.disclose.config",
          "az.disclose.content", "az.disclose.render", "az.disclose.calendar", "az.disclose.publish", "az.disclose.site",
          "az.disclose.serve", "az.disclose.inbox", "az.disclose.inbox.model", "az.disclose.inbox.store", "az.disclose.inbox.web",
          "az.disclose.inbox.mail", "az.disclose.inbox.accounts", "az.disclose.inbox.console", "az.disclose.report")
      .as("every class lives in a package of docs/architecture.md (a new package needs its place in ArchitectureTest)");

  /** No cycle between packages (each package its own slice, sub-packages included). */
  @ArchTest
  static final ArchRule noCycleBetweenPackages = slices().matching("az.disclose.(**)").should().beFreeOfCycles();
}
