// Types for messaging-dom.js (plain JS so the fixture page can load it without a build step).
import type { KitConversation, KitMessage } from '../shared/chat-kit';

export const CONVERSATIONS: KitConversation[];
export const CREATOR: { author: string; handle: string; headline: string };

export function threadIdFor(conversation: KitConversation): string;
export function conversationByThread(threadId: string): KitConversation | null;
export function conversationById(id: string): KitConversation | null;
export function eventUrn(message: { id: string }): string;
export function messagesFor(conversation: KitConversation, n?: number): KitMessage[];
export function renderEvent(doc: Document, li: HTMLElement, message: KitMessage, prev?: KitMessage): HTMLElement;
export function buildEvent(doc: Document, message: KitMessage, prev?: KitMessage): HTMLElement;

export interface MessageComposer {
  form: HTMLFormElement;
  editor: HTMLElement;
  submit: HTMLButtonElement;
  state(): string;
  clear(): void;
  keyEvents(): number;
}
export function buildComposer(doc: Document, conversation: KitConversation, options: { onSend(text: string): void }): MessageComposer;

export interface ConversationView {
  pane: HTMLElement;
  conversation: KitConversation;
  composer: MessageComposer;
  messages(): KitMessage[];
  receive(text: string): void;
  showSent(text: string): void;
  fill(n: number): number;
  recycle(): void;
  scrollToEnd(): void;
}
export function buildConversation(
  doc: Document,
  conversation: KitConversation,
  options?: { variant?: 'thread' | 'overlay'; count?: number; onSend?(text: string): void; onClose?(): void },
): ConversationView;
export function conversationCard(doc: Document, conversation: KitConversation, options?: { href?: string }): HTMLElement;
export function mountConversation(
  doc: Document,
  conversation: KitConversation,
  options?: { variant?: 'thread' | 'overlay'; count?: number },
): ConversationView & { sent(): string[] };
