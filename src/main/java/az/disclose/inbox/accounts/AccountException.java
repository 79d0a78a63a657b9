package az.disclose.inbox.accounts;

/**
 * Input the accounts refuse, with what and what to do: an unknown user, a name taken, a weak
 * password, a role without its unit. (A failing database is a {@link
 * az.disclose.inbox.StoreException}.)
 */
public final class AccountException extends Exception {
  private static final long serialVersionUID = 1L;

  public AccountException(String message) {
    super(message);
  }
}
