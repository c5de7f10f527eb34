// Types for dm-dom.js (plain JS so the fixture page can load it without a build step).
import type { KitConversation, KitMessage } from '../shared/chat-kit';

export { CONVERSATIONS, DM_GROUP, DM_HOSTILE, DM_ONE_TO_ONE, MEDIA_LABELS } from '../shared/chat-kit';

/** A kit message, or one sharing a post (rendered as a link to it with its caption). */
export type DmMessage = KitMessage & { shared?: { code: string; title: string } };
export type DmConversation = Omit<KitConversation, 'messages'> & { messages: DmMessage[] };

export type DmLine =
  | { kind: 'separator'; label: string }
  | { kind: 'message'; message: DmMessage; group: boolean; runStart: boolean; runEnd: boolean };

export interface MessageList {
  scroller: HTMLElement;
  list: HTMLElement;
  rows(): HTMLElement[];
  setLines(lines: DmLine[]): void;
  showTail(): void;
  shift(n: number): void;
}

export interface DmComposer {
  container: HTMLElement;
  box: HTMLElement;
  composer: { editor: HTMLElement; state(): string; clear(): void; onChange(fn: (text: string) => void): void };
  send: HTMLElement;
  keyEvents(): number;
}

export interface DmThread {
  conversation: DmConversation;
  messages: DmMessage[];
  list: MessageList;
  pane: HTMLElement;
  composer: DmComposer | null;
  keyEvents(): number;
  render(): void;
  receive(text: string): void;
  showSent(text: string): void;
  fill(n: number): number;
}

export const POOL_SIZE: number;
export const DM_CSS: string;
export function installDmStyles(doc: Document): void;
export function avatar(doc: Document, handle?: string): HTMLElement;
export function separatorLabel(iso: string): string;
export function linesOf(messages: DmMessage[], group: boolean): DmLine[];
export function createRow(doc: Document): HTMLElement;
export function fillRow(doc: Document, row: HTMLElement, line: DmLine): void;
export function messageList(doc: Document, options?: { poolSize?: number }): MessageList;
export function buildComposer(doc: Document, options: { onSend(text: string): void }): DmComposer;
export function buildThread(
  doc: Document,
  conversation: DmConversation,
  options?: { count?: number; onSend?: (text: string) => void; request?: boolean; poolSize?: number },
): DmThread;
export function buildInboxList(doc: Document, conversations: DmConversation[], options?: { openId?: string | null; base?: string }): HTMLElement;
