/**
 * E-mail for invitations and password resets, through nodemailer to the council's SMTP relay
 * (MINUTEBOOK_SMTP_URL, e.g. smtp://relay.council.example:587). Messages carry only a link with a
 * single-use token and never any committee paper. Tests send to a real smtp-server on loopback.
 */
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(m: Mail): Promise<void> };

/** A mailer over SMTP (`url` as nodemailer takes it: smtp://user:pass@host:port). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

export function invitationMail(o: { to: string; name: string; link: string; site: string }): Mail {
  return {
    to: o.to,
    subject: "You have been invited to Minutebook",
    text: [
      `Dear ${o.name},`,
      "",
      `You have been given an account on ${o.site}, where your council keeps its committee papers.`,
      "Open this link to choose a password and set up the code from an authenticator app:",
      "",
      o.link,
      "",
      "The link works once and expires in 7 days. If you did not expect this, ignore this e-mail.",
    ].join("\n"),
  };
}

export function resetMail(o: { to: string; name: string; link: string; site: string }): Mail {
  return {
    to: o.to,
    subject: "Reset your Minutebook password",
    text: [
      `Dear ${o.name},`,
      "",
      `Someone asked to reset the password of your account on ${o.site}.`,
      "Open this link to choose a new password (it works once and expires in 1 hour):",
      "",
      o.link,
      "",
      "If it was not you, ignore this e-mail: your password has not changed.",
    ].join("\n"),
  };
}
