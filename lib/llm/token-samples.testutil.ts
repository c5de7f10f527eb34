/**
 * Comments a creator really gets, in the shapes that are hardest to count: several languages
 * and scripts, emoji runs (with skin tones and joiners), numbers, links, and one very long
 * comment. Used to check the token estimate against the models' real tokenizers.
 */
export const SAMPLE_COMMENTS: Record<string, string> = {
  english: 'Your sourdough video finally made it click for me. What flour do you use, and how long do you proof it overnight?',
  spanish:
    '¡Hola! Me encantó el vídeo. Mi masa madre nunca sube lo suficiente, ¿qué temperatura recomiendas para la fermentación? Vivo en Málaga y aquí hace mucho calor en verano.',
  german:
    'Großartiges Video! Ich backe seit drei Wochen mit Sauerteig, aber die Krume wird immer zu dicht. Liegt das an der Gärzeit oder am Mehl (Type 550 vs. 1050)? Schöne Grüße aus Köln.',
  japanese:
    'はじめまして！動画を見てサワードウに挑戦しました。でも生地がべたべたで、うまく成形できません。加水率は何パーセントがおすすめですか？',
  arabic:
    'مرحباً! شاهدت الفيديو وجربت خبز العجين المخمر لأول مرة. العجين كان لزجاً جداً، هل يجب أن أقلل كمية الماء؟ شكراً جزيلاً على الشرح الرائع.',
  hindi:
    'नमस्ते! आपका वीडियो बहुत अच्छा लगा। मैंने पहली बार खमीर वाली रोटी बनाई, लेकिन वह बहुत घनी हो गई। क्या मुझे आटा ज़्यादा देर तक गूँधना चाहिए?',
  emoji:
    '🍞🍞🍞 OMG 😍😍😍 this loaf!!! 🔥🔥 👩‍🍳👨🏽‍🍳 my kids 👨‍👩‍👧‍👦 ate it in 5 minutes 😂😂🙌🏿✨✨💯 #sourdough #breadtok 🥖🥐🥯',
  numbers:
    'I did 500g flour, 375g water (75%), 100g starter, 10g salt; bulk 4h30 at 24.5°C then 14 hours in the fridge at 3°C. Baked 20 min lid on at 250°C + 25 min lid off at 230°C. Order #A-2024-0193847.',
  links:
    'Check https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=123s and https://example.com/recipes/sourdough-v2?utm_source=yt&utm_medium=comment#step-4 — also @crumb.and.co on IG!!',
  mixed:
    'Bonjour 👋 je suis à Montréal 🇨🇦. Приятного аппетита! 你好，我很喜欢你的面包。안녕하세요 빵이 정말 맛있어 보여요 🥖 Ευχαριστώ! שלום',
};

/** A wall of text such as a creator sometimes gets: long, with lists and line breaks. */
export const LONG_COMMENT = Array.from(
  { length: 30 },
  (_, i) =>
    `${i + 1}. Day ${i + 1} of my starter: it rose ${(i * 7) % 100}% in ${4 + (i % 5)} hours, smelled a bit like nail polish 😬, and I fed it 1:1:1 again.\n`,
).join('');
