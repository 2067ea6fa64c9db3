// Lesson processes are titled by their role, like the chat room's.
import { describe, expect, it } from 'vitest';
import { lessonTitle } from '../../../src/demos/children/title.js';

describe('lesson titles', () => {
  it('say the lesson and the role, and keep the marker that finds the lesson', () => {
    expect(lessonTitle('burner', '--procview-demo=nice:4312', 'nice-10')).toBe('procview lesson nice: loop nice=10 --procview-demo=nice:4312');
    expect(lessonTitle('burner', '--procview-demo=nice:4312', 'nice-0')).toBe('procview lesson nice: loop nice=0 --procview-demo=nice:4312');
    expect(lessonTitle('zombie-parent', '--procview-demo=zombie:7', undefined)).toBe('procview lesson zombie: parent --procview-demo=zombie:7');
    expect(lessonTitle('sleeper', '--procview-demo=zombie:7', 'zombie')).toBe('procview lesson zombie: sleeper zombie --procview-demo=zombie:7');
    expect(lessonTitle('fork-lesson', '--procview-demo=fork:7', 'child')).toBe('procview lesson fork: child --procview-demo=fork:7');
    expect(lessonTitle('x', 'garbage', undefined)).toBe('procview lesson ?: parent garbage');
  });
});
