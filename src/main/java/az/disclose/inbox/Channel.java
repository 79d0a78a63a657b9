package az.disclose.inbox;

/** How a request arrived. */
public enum Channel {
  WEB,
  EMAIL
}
