/**
 * Accessibility audits with axe-core, for any page or frame the tests reach: the extension pages
 * and the in-page editor alike. A serious or critical violation fails the test; minor and
 * moderate ones are returned, so a spec can report or pin them.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import type { Result, SerialFrameSelector } from 'axe-core';

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** Where it was found: one CSS selector per element (frames joined with " >>> "). */
  targets: string[];
}

export interface AuditOptions {
  /** Only this part of the page (e.g. the editor's host element, or an iframe's contents). */
  include?: SerialFrameSelector;
}

const BLOCKING = new Set(['serious', 'critical']);

function toFinding(result: Result): AxeFinding {
  return {
    rule: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    targets: result.nodes.map((node) => node.target.map(String).join(' >>> ')),
  };
}

/** Every violation of axe's default rules (WCAG A/AA and best practices) on the page as it is now. */
export async function auditAccessibility(page: Page, options: AuditOptions = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  return results.violations.map(toFinding);
}

/**
 * Fails when axe finds a serious or critical violation (the message lists each one, with where
 * it is). Returns the minor and moderate findings left.
 */
export async function expectNoSeriousViolations(page: Page, options: AuditOptions = {}): Promise<AxeFinding[]> {
  const findings = await auditAccessibility(page, options);
  const blocking = findings.filter((finding) => BLOCKING.has(finding.impact));
  expect(blocking, `serious or critical accessibility violations:\n${JSON.stringify(blocking, null, 2)}`).toEqual([]);
  return findings.filter((finding) => !BLOCKING.has(finding.impact));
}
