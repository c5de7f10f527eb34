import { describe, expect, it } from 'vitest';
import { describeJsonError, findJsonErrorOffset, positionAt } from './json-syntax';

function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (e) {
    return e;
  }
  throw new Error('expected invalid JSON');
}

describe('findJsonErrorOffset', () => {
  it('finds nothing wrong with valid JSON', () => {
    for (const ok of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', ' 0 ']) {
      expect(findJsonErrorOffset(ok)).toBeUndefined();
    }
  });

  it('points at the first character that breaks the JSON', () => {
    expect(findJsonErrorOffset('{"a":1,}')).toBe(7);
    expect(findJsonErrorOffset('[1,2,]')).toBe(5);
    expect(findJsonErrorOffset('hello')).toBe(0);
    expect(findJsonErrorOffset('{"a": tru}')).toBe(9);
    expect(findJsonErrorOffset('{"a":1} x')).toBe(8);
  });

  it('points at the end when the file stops too early', () => {
    expect(findJsonErrorOffset('{"a":')).toBe(5);
  });
});

describe('describeJsonError', () => {
  it('turns an engine message without a position into one with a line and column', () => {
    const text = '{\n  "a": 1,\n  "b": [1,2,]\n}';
    expect(describeJsonError(parseError(text), text)).toMatch(/ at line 3, column 13$/);
  });

  it('drops the slice of the file some engines quote', () => {
    const text = 'hello world';
    const message = describeJsonError(parseError(text), text);
    expect(message).not.toContain('is not valid JSON');
    expect(message).toMatch(/at line 1, column 1$/);
  });

  it('reads the position out of Chrome and Firefox messages', () => {
    const text = '{\n"a" 1}';
    expect(
      describeJsonError(new SyntaxError("Expected ':' after property name in JSON at position 6 (line 2 column 5)"), text),
    ).toBe("Expected ':' after property name at line 2, column 5");
    expect(
      describeJsonError(new SyntaxError("Expected ':' after property name in JSON at position 6"), text),
    ).toBe("Expected ':' after property name at line 2, column 5");
    expect(
      describeJsonError(
        new SyntaxError("JSON.parse: expected ':' after property name in object at line 2 column 5 of the JSON data"),
        text,
      ),
    ).toBe("Expected ':' after property name in object at line 2, column 5");
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
