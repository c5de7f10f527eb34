// Types for chat-kit.js (plain JS so fixture pages load it without a build step).
export interface KitMessage {
  id: string;
  from: 'them' | 'me';
  sender: string;
  handle?: string;
  /** Empty for media messages: `media` says what the bubble shows. */
  text: string;
  media?: 'photo' | 'voice' | 'video' | 'sticker';
  at?: string;
}
export interface KitConversation {
  id: string;
  title: string;
  group: boolean;
  messages: KitMessage[];
}
export const ME: { name: string; handle: string };
export const DM_ONE_TO_ONE: KitConversation;
export const DM_LATEST: string;
export const DM_EARLIER: string;
export const DM_GROUP: KitConversation;
export const GROUP_LATEST_SENDER: string;
export const GROUP_OTHER_SENDER: string;
export const DM_HOSTILE: KitConversation;
export const CONVERSATIONS: KitConversation[];
export const MEDIA_LABELS: Record<'photo' | 'voice' | 'video' | 'sticker', string>;
export function fillerMessage(i: number, other?: KitMessage): KitMessage;
export function guardEnterToSend(editor: HTMLElement, send: () => void): { syntheticKeyEvents(): number };
export function installChatApi(view: Window, api: Record<string, unknown>): { recordSend(entry: { text: string }): void };
