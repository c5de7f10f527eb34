import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

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

  it('recognises other writing systems', () => {
    expect(detectLanguage('Спасибо большое')).toBe('ru');
    expect(detectLanguage('ありがとうございます')).toBe('ja');
    expect(detectLanguage('谢谢你')).toBe('zh');
    expect(detectLanguage('감사합니다')).toBe('ko');
    expect(detectLanguage('शुक्रिया')).toBe('hi');
  });

  it('does not guess when there is nothing to tell by', () => {
    expect(detectLanguage('🍞🍞')).toBeUndefined();
    expect(detectLanguage('Yay!!')).toBeUndefined();
    expect(detectLanguage('220C, 45 min')).toBeUndefined();
  });
});
