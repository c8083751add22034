import { Matches } from 'class-validator';

/** Required text: at least one character that is not white space ("   " is as empty as ""). */
export const IsNotBlank = () => Matches(/\S/u, { message: '$property must not be blank' });
