import { describe, expect, it } from 'vitest';
import { classifyIntent, kindMatch, questionKind } from './intent';

describe('comment intent', () => {
  it.each([
    ['What temperature do you bake at?', 'question'],
    ['¿Puedo congelar el pan?', 'question'],
    ['Posso usar farinha integral?', 'question'],
    ['Quelle farine utilises-tu ?', 'question'],
    ['Wie lange backst du das Brot', 'question'],
    ['My loaves always come out flat', 'question'],
    ['Your videos are amazing', 'praise'],
    ['😍🔥', 'praise'],
    ['Thank you so much for this', 'thanks'],
    ['Danke!', 'thanks'],
    ['Please do a video on bagels', 'request'],
    ['Can you share the recipe in the description?', 'request'],
    ['Way too much salt in this', 'criticism'],
    ['Thanks for nothing, it failed again', 'criticism'],
    ['Oh great, another three-day recipe 🙄', 'criticism'],
    ['Sub4sub anyone?', 'spam'],
    ['Earn $500 a day from home, DM me', 'spam'],
    ['Anyone else watching at 3am?', 'other'],
    ['🤔', 'other'],
    ['Gerald is adorable', 'praise'],
    ['Your videos make my day', 'praise'],
    ['You are the reason I started baking', 'praise'],
    ['Starter has been sitting a week and nothing is happening', 'question'],
    ['Why do you talk so much, just get to the recipe', 'criticism'],
    ['Why do you always add yeast?', 'question'],
    ['That loaf looks under-fermented to me', 'criticism'],
  ])('reads "%s" as %s', (text, intent) => {
    expect(classifyIntent(text)).toBe(intent);
  });
});

describe('question kind', () => {
  it.each([
    ['How long should the dough rest?', 'how-long'],
    ['How often do you feed it?', 'how-often'],
    ['How much does the ebook cost?', 'how-much'],
    ['Where can I buy the book?', 'where'],
    ['When do you post videos?', 'when'],
    ['Why is my crumb dense?', 'why'],
    ['Which flour is best?', 'which'],
    ['Can I use milk instead of water?', 'can-i'],
    ['Do I need a banneton?', 'yes-no'],
    ['How do you score the loaf?', 'how'],
    ['Help, my starter smells odd, is that normal?', 'yes-no'],
    ['¿Cuánto tiempo horneas el pan?', 'how-long'],
    ['Wo kann ich das Buch kaufen?', 'where'],
    ['Pourquoi mon pain est plat ?', 'why'],
  ])('reads "%s" as a %s question', (text, kind) => {
    expect(questionKind(text)).toBe(kind);
  });

  it('gives no question kind to praise', () => {
    expect(questionKind('Love this channel')).toBeUndefined();
  });

  it('treats "what temperature" and "how hot" as answerable by the same reply, but not "where" and "why"', () => {
    expect(kindMatch('what', 'how-much')).toBeGreaterThan(0);
    expect(kindMatch('where', 'why')).toBe(0);
    expect(kindMatch('how-long', 'how-long')).toBe(1);
  });

  it('reads a question asked after a statement without its question mark', () => {
    expect(classifyIntent('there is mould on the lid of my jar, did i ruin it')).toBe('question');
  });

  it('does not take the English intensifier "super" for praise', () => {
    expect(classifyIntent('Flat loaf even though my starter is super bubbly')).not.toBe('praise');
    expect(classifyIntent('Das Video ist super!')).toBe('praise');
  });

  it('hears "got me through" as praise and "best way to" as a how question', () => {
    expect(classifyIntent('Your recipes got me through a long winter')).toBe('praise');
    expect(questionKind('Best way to store a starter?')).toBe('how');
  });
});
