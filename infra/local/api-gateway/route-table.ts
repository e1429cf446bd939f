import type { RouteSpec } from '../../topology/types';
import { decodePathSegment } from './malformed-request';

export interface MatchedRoute {
  route: RouteSpec;
  pathParameters: Record<string, string> | null;
}

/**
 * API Gateway's resource matching: literal segments, `{param}` segments (one segment each), exact
 * method. A path that matches a resource under another method is still "no route" (403 on AWS). A
 * parameter that is not valid percent-encoding throws MalformedRequestError (a 400).
 */
export function makeRouteTable(routes: RouteSpec[]) {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const pattern = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{([^}+]+)\}$/.exec(segment);
        if (!param) return escapeRegExp(segment);
        names.push(param[1]);
        return '([^/]+)';
      })
      .join('/');
    return { route, names, regex: new RegExp(`^${pattern}/?$`) };
  });
  return (method: string, path: string): MatchedRoute | undefined => {
    for (const { route, names, regex } of compiled) {
      if (route.method !== method) continue;
      const match = regex.exec(path);
      if (!match) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodePathSegment(match[i + 1])]));
      return { route, pathParameters: names.length ? params : null };
    }
    return undefined;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
