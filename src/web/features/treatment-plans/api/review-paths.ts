/** The API address of a plan's reviews, or of one review. */
export const reviewsPath = (planId: string) =>
  `/api/v1/treatment-plans/${encodeURIComponent(planId)}/reviews`;

export const reviewPath = (planId: string, reviewId: string) =>
  `${reviewsPath(planId)}/${encodeURIComponent(reviewId)}`;

/** The signed review as a PDF (a plain download link). */
export const reviewPdfPath = (planId: string, reviewId: string) => `${reviewPath(planId, reviewId)}/pdf`;
