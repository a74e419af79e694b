// Console only, at "warning" (or LOG_LEVEL): a benchmark must not pay for info logs or log files.
const winston = require("winston");

exports.DEFAULT = {
  logger: () => ({
    loggers: [
      () =>
        winston.createLogger({
          format: winston.format.combine(winston.format.timestamp(), winston.format.simple()),
          level: process.env.LOG_LEVEL || "warning",
          levels: winston.config.syslog.levels,
          transports: [new winston.transports.Console()],
        }),
    ],
    maxLogStringLength: 100,
    maxLogArrayLength: 10,
  }),
};
