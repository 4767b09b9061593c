-- A reveal of a repair's contact phone for its return visit: the visit is the basis, not a membership.
ALTER TYPE "RevealBasis" ADD VALUE 'RETURN_VISIT';
