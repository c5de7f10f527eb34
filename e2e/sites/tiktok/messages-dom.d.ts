// Types for messages-dom.js (plain JS so the fixture page loads it without a build step).
import type { KitConversation, KitMessage } from '../shared/chat-kit';

export const CONVERSATIONS: KitConversation[];
export const CREATOR: { name: string; handle: string };
export const CLS: Record<string, string>;

export function conversationById(id: string): KitConversation | null;
export function messagesFor(conversation: KitConversation, n?: number): KitMessage[];
export function renderItem(doc: Document, row: HTMLElement, message: KitMessage, prev?: KitMessage, options?: { group?: boolean }): HTMLElement;

export interface MessageComposer {
  bottom: HTMLElement;
  area: HTMLElement;
  editor: HTMLElement;
  submit: HTMLElement;
  state(): string;
  clear(): void;
  keyEvents(): number;
}
export function buildComposer(doc: Document, options: { onSend(text: string): void }): MessageComposer;

export interface ConversationView {
  pane: HTMLElement;
  list: HTMLElement;
  conversation: KitConversation;
  composer: MessageComposer;
  messages(): KitMessage[];
  receive(text: string): void;
  showSent(text: string): void;
  fill(n: number): number;
  recycle(): void;
  scrollToEnd(): void;
}
export function buildConversation(doc: Document, conversation: KitConversation, options?: { count?: number; onSend?(text: string): void }): ConversationView;

export interface InboxView {
  inbox: HTMLElement;
  virtual: { rows(): HTMLElement[]; scrollTo(i: number): number; redraw(): void };
  setActive(id: string | null): void;
}
export function buildInbox(
  doc: Document,
  options?: { conversations?: KitConversation[]; onOpen?(id: string): void; activeId?: string | null; pool?: number },
): InboxView;
export function mountMessages(
  doc: Document,
  conversation: KitConversation | null,
  options?: { count?: number },
): { page: HTMLElement; view: ConversationView | null; sent(): string[] };
