// Stories and testimonials with their consent (issue 5).
export const storiesContract = {} as const;
