package az.disclose.content;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * News items known from an earlier load, so that an unchanged file (same size and modification
 * time) is not read and parsed again. {@link #NONE} knows nothing.
 */
@FunctionalInterface
public interface NewsCache {
  NewsCache NONE = (file, attributes) -> Optional.empty();

  Optional<NewsItem> lookup(Path file, BasicFileAttributes attributes);
}
