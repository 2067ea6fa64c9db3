// Set up before every test file (vitest.config.ts setupFiles): the suite reads
// English output, so it runs in an English locale whatever the machine's
// (LC_ALL / LC_MESSAGES would outrank LANG; text/i18n/lang.ts), and so do the
// processes it starts. Chinese tests ask for Chinese themselves: --lang zh,
// or LANG=zh_CN.UTF-8 in the child's own environment.
// PROCVIEW_LANG (how procview hands its language to its children) outranks the locale, so it goes too.
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
process.env.LANG = 'C.UTF-8';
delete process.env.PROCVIEW_LANG;
