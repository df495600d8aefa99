// "Bring your own spec" for @searchauth/oauth2: the simulator's small protected search API,
// written in the shape openapi-typescript generates, as a user would get it from their spec.

export interface SearchItem {
  id: string;
  title: string;
  type: string;
  url: string;
  score: number;
}

export interface SearchPage {
  total: number;
  offset: number;
  limit: number;
  items: SearchItem[];
}

export interface OAuthError {
  error: string;
  error_description?: string;
}

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };

export interface paths {
  '/v1/search': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: {
        query: { q: string; limit?: number; offset?: number };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: Json<SearchPage>;
        400: Json<OAuthError>;
        401: Json<OAuthError>;
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
