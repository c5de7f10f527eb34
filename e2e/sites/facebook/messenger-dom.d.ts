// Types for messenger-dom.js (plain JS so the fixture page can load it without a build step).
import type { KitConversation, KitMessage } from '../shared/chat-kit';

export type DmLocale = 'en' | 'es';

export interface DmStrings {
  lang: string;
  youSent: string;
  paneWith(name: string): string;
  paneTitled(name: string): string;
  message: string;
  send: string;
  like: string;
  chats: string;
  media: Record<'photo' | 'voice' | 'video' | 'sticker', string>;
  [key: string]: unknown;
}

export { CONVERSATIONS, DM_GROUP, DM_HOSTILE, DM_ONE_TO_ONE, MEDIA_LABELS } from '../shared/chat-kit';
export { HOSTILE } from '../shared/kit';

export const DM_LOCALES: Record<DmLocale, DmStrings>;
export const HOST_BASES: Record<string, string>;
export function threadPath(base: string, conversation: KitConversation): string;
export function inboxPath(base: string): string;
export function conversationForPath(base: string, pathname: string): KitConversation | null;
export function isMessengerPath(base: string, pathname: string): boolean;
export function messagesFor(conversation: KitConversation, total?: number): KitMessage[];

export interface RowOptions {
  locale?: DmLocale;
  group?: boolean;
  first?: boolean;
  last?: boolean;
  threadId?: string;
}
export function buildRow(doc: Document, message: KitMessage, options?: RowOptions): HTMLElement;
export function buildDivider(doc: Document, iso: string, options?: { locale?: DmLocale }): HTMLElement;
export function buildRows(
  doc: Document,
  messages: KitMessage[],
  options?: { locale?: DmLocale; group?: boolean; threadId?: string; before?: KitMessage | null },
): HTMLElement[];

export interface FixtureComposer {
  row: HTMLElement;
  model: { editor: HTMLElement; state(): string; clear(): void; set(lines: string[]): void; onChange(fn: (text: string) => void): void };
  sendButton: HTMLElement;
  guard: { syntheticKeyEvents(): number };
}
export function buildComposer(doc: Document, options?: { locale?: DmLocale; onSend?: (text: string) => void }): FixtureComposer;

export interface BuiltConversation {
  thread: HTMLElement;
  list: HTMLElement;
  scroller: HTMLElement;
  composer: FixtureComposer;
}
export function buildConversation(
  doc: Document,
  conversation: KitConversation,
  options?: { locale?: DmLocale; base?: string; messages?: KitMessage[]; onSend?: (text: string) => void },
): BuiltConversation;
export function buildChatList(doc: Document, options?: { locale?: DmLocale; base?: string; current?: string | null }): HTMLElement;
export function mountConversation(
  doc: Document,
  options?: { conversation?: KitConversation; locale?: DmLocale; base?: string; total?: number; onSend?: (text: string) => void },
): BuiltConversation & { main: HTMLElement; messages: KitMessage[] };
