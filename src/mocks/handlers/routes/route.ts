// One route of the simulated ARM: path template + method + accepted api-versions -> model call, and
// the helpers every provider module uses to read its parameters.

import type { ArmContext, ArmResult } from '../arm-response';
import { compilePathTemplate } from '../path-template';
import { resourceNotFound } from '../../tenant/errors';

export type Params = Record<string, string>;

export interface Route {
  method: string;
  template: string;
  apiVersions: readonly string[];
  /** Resource provider namespace, for error messages. */
  namespace: string;
  /** RBAC action a 403 names (the `forbidden` scenario). */
  action: string;
  handle: (ctx: ArmContext, params: Params) => ArmResult;
  regex: RegExp;
  paramNames: string[];
}

export function route(
  method: string,
  template: string,
  apiVersions: readonly string[],
  action: string,
  handle: Route['handle'],
  multiSegment: readonly string[] = [],
): Route {
  const { regex, paramNames } = compilePathTemplate(template, multiSegment);
  const namespace = /\/providers\/([^/]+)/.exec(template)?.[1] ?? 'Microsoft.Resources';
  return { method, template, apiVersions, namespace, action, handle, regex, paramNames };
}

/** A path parameter the template guarantees. */
export function param(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`Route parameter ${name} missing`);
  return value;
}

/** `value`, or ARM's 404 ResourceNotFound for a child resource that is not there. */
export function required<T>(value: T | undefined, type: string, name: string, resourceGroup: string): T {
  if (value === undefined) throw resourceNotFound(type, name, resourceGroup);
  return value;
}

export interface RouteMatch {
  route: Route;
  params: Params;
}

/** Finds routes matching the path; the caller picks by method (405 when none fits). */
export function matchRoutes(routes: readonly Route[], pathname: string): RouteMatch[] {
  const out: RouteMatch[] = [];
  for (const r of routes) {
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Params = {};
    r.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    out.push({ route: r, params });
  }
  return out;
}
