package az.disclose.content;

import java.nio.file.Path;
import java.util.Optional;

/**
 * News items known from an earlier load, so that an unchanged file is not read and parsed again.
 * The cache decides what "unchanged" means (the build compares size and modification time).
 * {@link #NONE} knows nothing.
 */
@FunctionalInterface
public interface NewsCache {
  NewsCache NONE = file -> Optional.empty();

  /** The item of {@code file} if the file is unchanged since it was cached. */
  Optional<NewsItem> lookup(Path file);
}
