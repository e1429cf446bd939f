/**
 * The contract between the console's shell (router, sign-in, API client, i18n, live feed) and its
 * pages. Each page is a module under `console/src/pages/` exporting a `ConsolePage`; the shell
 * registers them in one list (`console/src/pages/index.ts`) and renders the one whose route matches.
 * Pages never call `fetch` or read tokens themselves: they go through `ctx.api`, so every request
 * carries the signed-in role's token and every error reaches the person the same way.
 */

export type Language = 'en' | 'zh-CN';

/** A message catalog: flat keys (`board.title`) to text with `{name}` placeholders. */
export type Messages = Record<string, string>;

/** Translates a key in the current language, filling `{name}` placeholders. Unknown keys show the key itself. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** An API error as the API returns it: `{ error: { code, message, field? } }`, with the HTTP status. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  field?: string;
}

/** Calls the tradeflow API as the signed-in staff member. Rejects with an `ApiError` on any non-2xx. */
export interface ApiClient {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: { idempotencyKey?: string }): Promise<T>;
  put<T = unknown>(path: string, body?: unknown): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown): Promise<T>;
  /** The absolute URL of an API path (for links such as document downloads). */
  url(path: string): string;
  /**
   * Added by the shell: a file fetched with the token (a document's PDF: a plain link cannot carry
   * the bearer token), as a Blob to open with `URL.createObjectURL`. Always present in the console.
   */
  blob?(path: string, accept?: string): Promise<Blob>;
}

/** A message from the live feed (the API's WebSocket feed), as the feed sends it. */
export interface FeedMessage {
  type: string;
  orderId?: string;
  [key: string]: unknown;
}

export interface PageContext {
  /** The element the page owns; the shell empties it before each render. */
  root: HTMLElement;
  api: ApiClient;
  t: Translate;
  language: Language;
  /** The signed-in staff role (`sales`, `finance`, …). */
  role: string;
  /** Route parameters, e.g. `{ id: 'ord_…' }` for `/orders/:id`; and the query string's values. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Goes to another console route (e.g. `/orders/ord_1`). */
  navigate(path: string): void;
  /** Subscribes to live feed messages until the page is left; returns an unsubscribe function. */
  onFeed(listener: (message: FeedMessage) => void): () => void;
  /** Shows an error or a notice to the person, in the shell's one place for them. */
  notify(kind: 'error' | 'info', text: string): void;
  /**
   * Added by the shell: replaces the page heading (and the document title), e.g. with the order's
   * id once loaded; the shell shows `titleKey` until then. Always present in the console.
   */
  setTitle?(text: string): void;
  /** Added by the shell: aborted when the person leaves the page (stop polling, ignore late answers). */
  signal?: AbortSignal;
}

export interface ConsolePage {
  /** The console route, with `:name` parameters: `/orders/:id`. Matched against the hash path (`#/orders/ord_1`). */
  route: string;
  /** The message key of the page's title, and of its entry in the navigation (omit `nav` to keep it out of the menu). */
  titleKey: string;
  nav?: { group: 'orders' | 'sales' | 'operations' | 'finance' | 'settings'; order: number };
  /** Roles that see the page in the navigation; all staff when omitted. The API still checks every call. */
  roles?: readonly string[];
  /** Renders the page into `ctx.root`. Re-rendering on live updates is the page's own choice. */
  render(ctx: PageContext): Promise<void>;
  /** The page's messages per language; the shell merges them into its catalog. Both languages must have the same keys. */
  messages: Record<Language, Messages>;
}
