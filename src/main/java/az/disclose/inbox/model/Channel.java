package az.disclose.inbox.model;

/** How a request arrived. */
public enum Channel {
  WEB,
  EMAIL
}
