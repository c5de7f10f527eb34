import { describe, expect, it } from 'vitest';
import { detectLanguage, guessByWords } from './language';

describe('detectLanguage', () => {
  it('tells common Latin-script languages apart by their everyday words', () => {
    expect(detectLanguage('Thank you so much, this is the best loaf!')).toBe('en');
    expect(detectLanguage('Muchas gracias por el video')).toBe('es');
    expect(detectLanguage("Merci beaucoup, c'est très bien")).toBe('fr');
    expect(detectLanguage('Danke, das ist super')).toBe('de');
    expect(detectLanguage('Obrigado, você é demais')).toBe('pt');
    expect(detectLanguage('Grazie mille, sono felice')).toBe('it');
    expect(detectLanguage('Dank je, het is mooi')).toBe('nl');
  });

  it('tells short questions apart even when they use none of the everyday words the fallback knows', () => {
    const questions: [string, string][] = [
      ['Welche Temperatur nimmst du im Ofen?', 'de'],
      ['Quanto tempo deixo a massa crescer?', 'pt'],
      ['Cuánto tiempo hay que amasar?', 'es'],
    ];
    for (const [text, language] of questions) {
      expect(guessByWords(text)).toBeUndefined();
      expect(detectLanguage(text)).toBe(language);
    }
  });

  it('falls back to everyday words when the text is a single word too short for n-grams', () => {
    expect(detectLanguage('Danke!')).toBe('de');
    expect(detectLanguage('Merci')).toBe('fr');
  });

  it('recognises other writing systems', () => {
    expect(detectLanguage('Спасибо большое')).toBe('ru');
    expect(detectLanguage('Дуже дякую за рецепт, хліб вийшов чудовий')).toBe('uk');
    expect(detectLanguage('Дякую, це моє улюблене відео')).toBe('uk');
    expect(detectLanguage('ありがとうございます')).toBe('ja');
    expect(detectLanguage('谢谢你')).toBe('zh');
    expect(detectLanguage('감사합니다')).toBe('ko');
    expect(detectLanguage('शुक्रिया')).toBe('hi');
  });

  it('does not guess when there is nothing to tell by', () => {
    expect(detectLanguage('🍞🍞')).toBeUndefined();
    expect(detectLanguage('Yay!!')).toBeUndefined();
    expect(detectLanguage('220C, 45 min')).toBeUndefined();
    expect(detectLanguage('Hi')).toBeUndefined();
  });

  it('does not name a far-off language for a short English greeting its n-grams misread', () => {
    expect(['en', undefined]).toContain(detectLanguage('Hi from Manila'));
  });
});
