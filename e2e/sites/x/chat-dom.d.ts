// Types for chat-dom.js (plain JS so the fixture page loads it without a build step).
import type { KitConversation, KitMessage } from '../shared/chat-kit.js';

export const CREATOR_USER_ID: string;
export const DM_REQUEST: KitConversation;
export interface XChat {
  kit: KitConversation;
  /** The conversation's id in its URL (/i/chat/ID). */
  id: string;
  /** Its inbox row's key (dm-conversation-item-KEY). */
  itemKey: string;
  others: { name: string; handle: string }[];
  request: boolean;
}
export const X_CHATS: XChat[];
export const X_REQUESTS: XChat[];
export function xChat(id: string): XChat | null;
export function messageUuid(chatId: string, messageId: string): string;
export function timeLabel(iso: string): string;
export interface XChatItem extends KitMessage {
  uuid: string;
  status?: 'pending' | 'sent' | 'failed';
}
export interface XOpenChat {
  chat: XChat;
  panel: HTMLElement;
  header: HTMLElement;
  form: HTMLElement;
  area: HTMLElement;
  model: { editor: HTMLTextAreaElement; state(): string; clear(): void };
  list: { rows(): HTMLElement[]; items(): XChatItem[]; set(items: XChatItem[]): void; redraw(): void; recycle(): void };
  send: HTMLButtonElement;
  composerState(): string;
  keyEvents(): number;
  receive(text: string): void;
  showSent(text: string): void;
  fill(n: number): number;
  recycle(): void;
}
export interface XChatUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  open(): XOpenChat | null;
  showInbox(folder?: 'all' | 'requests'): void;
  openConversation(id: string, options?: { count?: number }): XOpenChat | null;
  remove(): void;
}
export function mountChat(
  doc: Document,
  container: Element,
  options?: { navigate?: (href: string) => void; onSend?: (sent: { text: string }) => void; pool?: number },
): XChatUi;
